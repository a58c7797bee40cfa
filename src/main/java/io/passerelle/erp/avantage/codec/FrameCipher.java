package io.passerelle.erp.avantage.codec;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * MainTCP payload encryption: {@code nonce (12) || AES-256-GCM ciphertext || tag (16)}, no associated
 * data, key = the 32 bytes of the customer's base64 encryption key. Thread-safe: a Cipher per call.
 */
public final class FrameCipher {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private FrameCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * @throws IllegalArgumentException naming the problem (not the key) when it is not base64 of 32 bytes
     */
    public static FrameCipher fromBase64Key(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryption key is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("encryption key must be 32 bytes (AES-256), got " + raw.length);
        }
        return new FrameCipher(raw);
    }

    public byte[] encrypt(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plain.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plain, 0, plain.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** @throws FrameAuthenticationException when the frame does not authenticate (wrong key or corrupt stream) */
    public byte[] decrypt(byte[] frame) {
        if (frame.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new FrameAuthenticationException();
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, frame, 0, NONCE_BYTES));
            return cipher.doFinal(frame, NONCE_BYTES, frame.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new FrameAuthenticationException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** A frame that does not authenticate: the peer uses another key, or the stream is corrupt. */
    public static class FrameAuthenticationException extends RuntimeException {
        public FrameAuthenticationException() {
            super("encryption key rejected or stream corrupt");
        }
    }
}
