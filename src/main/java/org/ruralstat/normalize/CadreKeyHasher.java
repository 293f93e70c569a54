package org.ruralstat.normalize;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Turns an ID number into {@code cadre_key}: HMAC-SHA256 under a secret key, so the same person has the same
 * key in every return while the warehouse never holds the number and a dictionary of all IDs cannot undo it.
 */
public final class CadreKeyHasher {

    private final SecretKeySpec key;
    /** A keyed Mac per thread: looking the algorithm up and keying it cost more than hashing one ID. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public CadreKeyHasher(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the cadre key secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String cadreKey(String normalizedId) {
        return HexFormat.of().formatHex(macs.get().doFinal(normalizedId.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
