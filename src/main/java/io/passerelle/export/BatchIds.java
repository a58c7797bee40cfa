package io.passerelle.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A batch id derived from what the batch holds: the same items always make the same id (so an ERP
 * that remembers batch ids answers a resend with its first answer), different items never do.
 */
public final class BatchIds {

    private BatchIds() {
    }

    public static String of(String connectionId, String kind, List<String> idempotencyKeys) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(connectionId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(kind.getBytes(StandardCharsets.UTF_8));
            idempotencyKeys.stream().sorted().forEach(key -> {
                digest.update((byte) 0);
                digest.update(key.getBytes(StandardCharsets.UTF_8));
            });
            return kind.toLowerCase().replace('_', '-') + "-" + HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
