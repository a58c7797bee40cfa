package io.passerelle.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Passerelle-Signature} header: {@code sha256=} and the lower-case hex of HMAC-SHA256 over the exact
 * bytes of the body, keyed with the webhook's secret (as GitHub's {@code X-Hub-Signature-256}). A receiver computes
 * the same over the bytes it read and compares in constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Passerelle-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String of(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether {@code header} is the signature of {@code body} with {@code secret}, compared in constant time. */
    public static boolean verifies(byte[] body, String secret, String header) {
        return header != null && java.security.MessageDigest.isEqual(
                of(body, secret).getBytes(StandardCharsets.US_ASCII), header.getBytes(StandardCharsets.US_ASCII));
    }
}
