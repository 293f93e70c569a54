package org.ruralstat.discover;

import org.ruralstat.reference.Jurisdiction;
import org.ruralstat.text.PersonalDataMasker;
import org.ruralstat.warehouse.RunFileOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the files of {@code input/<6-digit submitter code>/} at any depth, leaving out Office and
 * LibreOffice lock files, hidden files and partial downloads. Never follows a symbolic link, to a file or a folder,
 * wherever it points: a link in the drop folder could show the run any file on the machine (the cadre-key secret,
 * {@code /etc/shadow}). Every entry left out is accounted for with its reason. Never modifies or deletes anything.
 */
public final class DropFolderScanner {

    private static final Logger log = LoggerFactory.getLogger(DropFolderScanner.class);

    private DropFolderScanner() {
    }

    /** An entry of the drop folder that is not read, and why: a link, ignored, or not a submitter's folder. */
    public record Skipped(String relativePath, RunFileOutcome reason) {
    }

    /** What a scan found: the files to read, and every entry left out. */
    public record Scan(List<DiscoveredFile> files, List<Skipped> skipped) {
    }

    public static List<DiscoveredFile> scan(Path root) throws IOException {
        return scanAll(root).files();
    }

    public static Scan scanAll(Path root) throws IOException {
        List<DiscoveredFile> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            throw new IOException("the drop folder does not exist: " + root.toAbsolutePath());
        }
        try (Stream<Path> submitters = Files.list(root)) {
            for (Path folder : submitters.sorted().toList()) {
                String code = folder.getFileName().toString();
                String relativeFolder = relative(root, folder);
                if (Files.isSymbolicLink(folder)) {
                    skip(skipped, relativeFolder, RunFileOutcome.SKIPPED_LINK);
                    continue;
                }
                if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (!Jurisdiction.isSubmitterCode(code)) {
                    if (!isIgnored(folder.getFileName())) {
                        log.warn("Ignoring folder {}: drop folders are named by the submitter's 6-digit region code",
                                PersonalDataMasker.forLog(folder.toString()));
                        skipped.add(new Skipped(relativeFolder, RunFileOutcome.SKIPPED_NOT_A_SUBMITTER));
                    }
                    continue;
                }
                // Files.walk never follows a link to a folder; a link to a file is seen here as a link, not read
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path entry : walk.sorted().toList()) {
                        if (entry.equals(folder)) {
                            continue;
                        }
                        String relative = relative(root, entry);
                        if (Files.isSymbolicLink(entry)) {
                            skip(skipped, relative, RunFileOutcome.SKIPPED_LINK);
                        } else if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                            continue;
                        } else if (isIgnored(folder.relativize(entry))) {
                            skipped.add(new Skipped(relative, RunFileOutcome.SKIPPED_IGNORED));
                        } else {
                            files.add(new DiscoveredFile(code, entry, relative, Files.size(entry),
                                    Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant()));
                        }
                    }
                }
            }
        }
        return new Scan(files, skipped);
    }

    private static void skip(List<Skipped> skipped, String relative, RunFileOutcome reason) {
        log.warn("Not following the link {} in the drop folder: links are never read", PersonalDataMasker.forLog(relative));
        skipped.add(new Skipped(relative, reason));
    }

    private static String relative(Path root, Path entry) {
        return root.relativize(entry).toString().replace('\\', '/');
    }

    /** True for lock files, hidden files and partial writes, in the path or any folder on it. */
    static boolean isIgnored(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.startsWith(".") || name.startsWith("~$") || name.startsWith("~") || name.startsWith(".~lock.")
                    || lower.endsWith(".tmp") || lower.endsWith(".part") || lower.endsWith(".crdownload")
                    || lower.endsWith(".swp") || lower.equals("thumbs.db") || lower.equals("desktop.ini")) {
                return true;
            }
        }
        return false;
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
