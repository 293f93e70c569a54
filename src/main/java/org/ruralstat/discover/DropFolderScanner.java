package org.ruralstat.discover;

import org.ruralstat.normalize.Jurisdiction;
import org.ruralstat.normalize.PersonalDataMasker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
 * LibreOffice lock files, hidden files and partial downloads. Never modifies or deletes anything.
 */
public final class DropFolderScanner {

    private static final Logger log = LoggerFactory.getLogger(DropFolderScanner.class);

    private DropFolderScanner() {
    }

    public static List<DiscoveredFile> scan(Path root) throws IOException {
        List<DiscoveredFile> files = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            throw new IOException("the drop folder does not exist: " + root.toAbsolutePath());
        }
        try (Stream<Path> submitters = Files.list(root)) {
            for (Path folder : submitters.sorted().toList()) {
                String code = folder.getFileName().toString();
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                if (!Jurisdiction.isSubmitterCode(code)) {
                    if (!isIgnored(folder)) {
                        log.warn("Ignoring folder {}: drop folders are named by the submitter's 6-digit region code", PersonalDataMasker.scrub(folder.toString()));
                    }
                    continue;
                }
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        if (isIgnored(folder.relativize(file))) {
                            continue;
                        }
                        String relative = root.relativize(file).toString().replace('\\', '/');
                        files.add(new DiscoveredFile(code, file, relative, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
                    }
                }
            }
        }
        return files;
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
        try (InputStream in = Files.newInputStream(file)) {
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
