package org.ruralstat.job;

import org.ruralstat.warehouse.Folders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The folder of a {@code worker}'s own DuckDB file when none is given: a fresh {@code ruralstat-worker-*} folder in
 * the temporary directory, deleted when the worker stops. One left by a worker that was killed (its lock no longer
 * held) is deleted by the next worker that starts on the machine.
 */
public final class WorkerScratch {

    private static final String PREFIX = "ruralstat-worker-";

    private WorkerScratch() {
    }

    public static Path create() throws IOException {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> folders = Files.list(temporary)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().startsWith(PREFIX)
                    && Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                deleteIfAbandoned(folder);
            }
        }
        return Files.createTempDirectory(PREFIX);
    }

    private static void deleteIfAbandoned(Path folder) {
        try (WarehouseLock lock = WarehouseLock.tryAcquire(folder)) {
            if (lock != null) {
                Folders.delete(folder);
            }
        } catch (IOException | RuntimeException e) {
            // another user's, or going away as we look: not ours to clear
        }
    }
}
