package org.ruralstat.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret behind cadre_key: from configuration or the environment when given, else a key file made once
 * under the warehouse with owner-only permissions. Losing it changes every cadre_key, so back it up.
 */
final class CadreKeySecret {

    static final String FILE_NAME = "cadre_key.secret";

    private CadreKeySecret() {
    }

    static byte[] load(String configured, Path warehouse) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = warehouse.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            Files.createDirectories(warehouse);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Path temporary = Files.createTempFile(warehouse, ".cadre_key", ".tmp");
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
}
