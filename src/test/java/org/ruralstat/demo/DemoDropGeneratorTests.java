package org.ruralstat.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo drop made again from a clone ({@code seeds/regions.csv}) is the committed one, byte for byte. Runs with
 * {@code -Ptools} and in {@code .ci/run}, not on every verify.
 */
class DemoDropGeneratorTests {

    @TempDir
    Path temp;

    @Test
    void theDemoDropMadeFromTheSeedsIsTheCommittedOne() throws Exception {
        DemoDropGenerator.generate(temp, Path.of("seeds/regions.csv"));
        assertThat(digests(temp)).isEqualTo(digests(Path.of("input")));
    }

    private static Map<String, String> digests(Path root) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getParent().equals(root)).toList()) {
                digests.put(root.relativize(file).toString(), sha256(file));
            }
        }
        return digests;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
