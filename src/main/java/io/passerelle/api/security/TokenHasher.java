package io.passerelle.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a token, the only form in which tokens are configured and kept. */
public final class TokenHasher {

    private TokenHasher() {
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** Parses a configured hash; throws with a message naming the token when it is not 64 hex digits. */
    public static byte[] parseHex(String hex, String tokenName) {
        if (hex == null || !hex.trim().matches("[0-9a-fA-F]{64}")) {
            throw new IllegalStateException("passerelle.security.tokens '" + tokenName
                    + "': sha256 must be the 64 hex digits of the token's SHA-256 (e.g. `printf %s TOKEN | sha256sum`)");
        }
        return HexFormat.of().parseHex(hex.trim().toLowerCase());
    }

    /** Compares two hashes in time that does not depend on where they differ. */
    public static boolean sameHash(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
