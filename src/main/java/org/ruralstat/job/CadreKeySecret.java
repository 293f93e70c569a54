package org.ruralstat.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret behind cadre_key: from configuration or the environment when given, else a key file made once beside the
 * warehouse folder, never inside it ({@code .<warehouse>.cadre_key.secret}, owner-only), so no copy of the warehouse
 * folder carries it. A key file left inside the warehouse by an earlier version is moved out on first use. Losing it
 * changes every cadre_key, so back it up.
 */
final class CadreKeySecret {

    static final String FILE_NAME = "cadre_key.secret";

    private CadreKeySecret() {
    }

    static byte[] load(String configured, Path warehouse) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = location(warehouse);
        Path inside = warehouse.resolve(FILE_NAME);
        if (!Files.exists(file) && Files.isRegularFile(inside, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.move(inside, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Path temporary = Files.createTempFile(file.getParent(), ".cadre_key", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the folder's own permissions protect it
            }
            Files.writeString(temporary, HexFormat.of().formatHex(secret));
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return HexFormat.of().parseHex(Files.readString(file).trim());
    }

    /** Where the key file lives when no secret is configured: beside the warehouse folder, hidden. */
    static Path location(Path warehouse) {
        Path absolute = warehouse.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        return parent == null ? absolute.resolve(FILE_NAME) : parent.resolve("." + absolute.getFileName() + "." + FILE_NAME);
    }
}
