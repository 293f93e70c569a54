package org.ruralstat.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The folders ruralstat makes beside its files (exchange, scratch, the Parquet export, a check's scratch). */
public final class Folders {

    private Folders() {
    }

    /**
     * Deletes a folder and everything under it, if it is there; a link under it is deleted, never followed. Deepest
     * entries first, so a failure leaves the folder partly deleted but never a file without its folder.
     *
     * @throws UncheckedIOException naming the folder when something under it cannot be deleted
     */
    public static void delete(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
