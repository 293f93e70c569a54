package org.ruralstat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmark's own folders under {@code target/bench}, and the Java that runs child processes. */
final class BenchFolders {

    private BenchFolders() {
    }

    /** The java executable of the running JVM, so children run on the same Java. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Deletes a folder the benchmark made; refuses anything outside a {@code bench} folder. */
    static void delete(Path folder) throws IOException {
        if (!folder.toAbsolutePath().normalize().toString().contains("/bench")) {
            throw new IllegalArgumentException("not a benchmark folder: " + folder);
        }
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
