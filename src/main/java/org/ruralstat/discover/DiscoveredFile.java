package org.ruralstat.discover;

import java.nio.file.Path;

/**
 * A file found in a submitter's drop folder.
 *
 * @param submitterCode the 6-digit folder name under the drop root
 * @param relativePath  the path below the drop root, with forward slashes, as the ledger records it
 */
public record DiscoveredFile(String submitterCode, Path path, String relativePath, long bytes) {
}
