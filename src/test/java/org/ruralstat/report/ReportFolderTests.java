package org.ruralstat.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Where reports land: one folder per run, the newest also as latest, no temporary file left behind. */
class ReportFolderTests {

    @TempDir
    Path reports;

    @Test
    void eachRunHasItsPageAndTheNewestIsAlsoLatest() throws Exception {
        ReportFolder folder = new ReportFolder(reports);
        Path first = folder.publish("20261123T110453.487", "<p>一</p>");
        folder.publish("20261124T020000.001", "<p>二</p>");

        assertThat(first).isEqualTo(reports.resolve("20261123T110453.487/index.html"));
        assertThat(Files.readString(first)).isEqualTo("<p>一</p>");
        assertThat(Files.readString(reports.resolve("20261124T020000.001/index.html"))).isEqualTo("<p>二</p>");
        assertThat(Files.readString(reports.resolve("latest/index.html"))).isEqualTo("<p>二</p>");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(first)))
                .as("readable by all, like the snapshot").isEqualTo("rw-r--r--");
        try (Stream<Path> files = Files.walk(reports)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).containsOnly("index.html");
        }
    }

    @ParameterizedTest
    @CsvSource({"20261123T110453.487, 20261123T110453.487", "../../etc, .._.._etc", "latest, run_latest",
            ".., run_..", "'', run_", "运行/1, ___1"})
    void aRunIdBecomesOneSafeFolderName(String runId, String folder) {
        assertThat(ReportFolder.folderName(runId)).isEqualTo(folder);
    }
}
