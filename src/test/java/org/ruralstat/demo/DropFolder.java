package org.ruralstat.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The drop folder being written: {@code <out>/<submitter code>/<file name>}, remembering every file. */
final class DropFolder {

    private final Path root;
    private final List<Path> written = new ArrayList<>();

    DropFolder(Path root) {
        this.root = root;
    }

    /** The path for a submitter's file, its folder created; each file may be produced once per run. */
    Path file(String submitter, String name) throws IOException {
        Path folder = Files.createDirectories(root.resolve(submitter));
        Path file = folder.resolve(name);
        if (written.contains(file)) {
            throw new IllegalStateException("written twice: " + file);
        }
        written.add(file);
        return file;
    }

    List<Path> written() {
        return List.copyOf(written);
    }
}
