package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The cadre-key secret lives beside the warehouse folder, never in it; an old one inside is moved out, unchanged. */
class CadreKeySecretTests {

    @TempDir
    Path temp;

    @Test
    void aNewSecretIsMadeBesideTheWarehouseAndKept() throws Exception {
        Path warehouse = temp.resolve("warehouse");
        byte[] first = CadreKeySecret.load("", warehouse);
        assertThat(first).hasSize(32);
        assertThat(temp.resolve(".warehouse.cadre_key.secret")).isRegularFile();
        assertThat(warehouse.resolve("cadre_key.secret")).doesNotExist();
        assertThat(CadreKeySecret.load(null, warehouse)).isEqualTo(first);
    }

    @Test
    void aSecretLeftInsideByAnEarlierVersionIsMovedOutSoEveryKeyStaysTheSame() throws Exception {
        Path warehouse = Files.createDirectories(temp.resolve("wh"));
        String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        Files.writeString(warehouse.resolve("cadre_key.secret"), hex, StandardCharsets.UTF_8);
        byte[] loaded = CadreKeySecret.load("", warehouse);
        assertThat(java.util.HexFormat.of().formatHex(loaded)).isEqualTo(hex);
        assertThat(warehouse.resolve("cadre_key.secret")).doesNotExist();
        assertThat(temp.resolve(".wh.cadre_key.secret")).hasContent(hex);
    }

    @Test
    void aConfiguredSecretWritesNoFile() throws Exception {
        assertThat(CadreKeySecret.load("from-the-environment", temp.resolve("warehouse")))
                .isEqualTo("from-the-environment".getBytes(StandardCharsets.UTF_8));
        try (var files = Files.list(temp)) {
            assertThat(files.toList()).isEmpty();
        }
    }
}
