package org.ruralstat.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code <warehouse>/reports/}: each run's report in {@code <run id>/index.html} and the newest also in
 * {@code latest/index.html}. Each file is written beside its place and renamed over it, so a reader sees the
 * old page or the new one, never half of one.
 *
 * @param root the reports folder, {@code <warehouse>/reports}
 */
record ReportFolder(Path root) {

    static final String LATEST = "latest";
    static final String PAGE = "index.html";

    /** Writes the page for the run and as the latest; returns the run's page. */
    Path publish(String runId, String html) throws IOException {
        Path page = replace(root.resolve(folderName(runId)).resolve(PAGE), html);
        replace(root.resolve(LATEST).resolve(PAGE), html);
        return page;
    }

    /** The run id as one safe folder name: letters, digits, dot, dash and underscore; never {@code latest} or dots only. */
    static String folderName(String runId) {
        String name = runId == null ? "" : runId.replaceAll("[^0-9A-Za-z._-]", "_");
        return name.isEmpty() || name.equals(LATEST) || name.matches("\\.+") ? "run_" + name : name;
    }

    private static Path replace(Path target, String html) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".index-", ".html.tmp");
        try {
            Files.writeString(temporary, html, StandardCharsets.UTF_8);
            // a temporary file is owner-only; the report is for everyone who may read the snapshot
            if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }
}
