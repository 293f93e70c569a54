package org.ruralstat.discover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A file found in a submitter's drop folder.
 *
 * @param submitterCode the 6-digit folder name under the drop root
 * @param relativePath  the path below the drop root, with forward slashes, as the ledger records it
 * @param bytes         the size when the folder was scanned
 * @param lastModified  the modification time when the folder was scanned
 */
public record DiscoveredFile(String submitterCode, Path path, String relativePath, long bytes, Instant lastModified) {

    /** True when the file on disk no longer has the size and modification time seen at the scan. */
    public boolean changedSinceScan() throws IOException {
        return Files.size(path) != bytes || !Files.getLastModifiedTime(path).toInstant().equals(lastModified);
    }
}
