package io.passerelle.canonical;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A digest of a record's remote key as the ERP spells it and of its canonical fields, in their declared order:
 * equal hashes mean nothing the platform stores has changed, so the record costs no write.
 */
public final class ContentHash {

    private static final byte FIELD_SEPARATOR = 0x1F;
    private static final byte NULL_MARK = 0x00;

    private ContentHash() {
    }

    public static String of(String remoteKey, Map<String, Object> fields) {
        MessageDigest digest = sha256();
        digest.update(remoteKey.getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            digest.update(FIELD_SEPARATOR);
            digest.update(field.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '=');
            Object value = field.getValue();
            if (value == null) {
                digest.update(NULL_MARK);
            } else {
                digest.update(canonical(value).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** 2.50 and 2.5 are the same amount; the database gives back whichever scale its column has. */
    private static String canonical(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
