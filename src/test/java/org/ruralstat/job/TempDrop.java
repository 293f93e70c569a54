package org.ruralstat.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A drop folder and warehouse under a test's temporary folder: {@code input/} and {@code warehouse/}. */
final class TempDrop {

    private TempDrop() {
    }

    /**
     * One run of the job over {@code <temp>/input} into {@code <temp>/warehouse}, files taken as settled, in the
     * tests' shared application.
     */
    static int run(Path temp) {
        return SharedApplication.run(temp.resolve("input"), temp.resolve("warehouse"));
    }

    /** The published snapshot of {@code <temp>/warehouse}. */
    static WarehouseQueries published(Path temp) throws Exception {
        return WarehouseQueries.open(temp.resolve("warehouse/published/ruralstat.duckdb"));
    }

    /** Copies a folder and everything under it, modification times kept (a copied return is as settled as its source). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
