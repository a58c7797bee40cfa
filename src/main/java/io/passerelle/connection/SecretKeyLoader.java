package io.passerelle.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Finds the key that encrypts credentials: {@code PASSERELLE_SECRET_KEY} or {@code passerelle.secret-key}
 * (base64 of 32 bytes). The sandbox makes one up on first start and keeps it in
 * {@code ${passerelle.data-dir}/secret.key}, so that its database stays readable across restarts; every other
 * profile refuses to start without one, since a made-up key would lock the stored credentials away on the
 * next start.
 */
public class SecretKeyLoader {

    static final String PROPERTY = "passerelle.secret-key";
    private static final Logger log = LoggerFactory.getLogger(SecretKeyLoader.class);

    private final Environment environment;

    public SecretKeyLoader(Environment environment) {
        this.environment = environment;
    }

    public byte[] load() {
        String configured = environment.getProperty("PASSERELLE_SECRET_KEY", environment.getProperty(PROPERTY));
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), "PASSERELLE_SECRET_KEY / passerelle.secret-key");
        }
        if (environment.acceptsProfiles(Profiles.of("sandbox"))) {
            return sandboxKey(dataDir().resolve("secret.key"));
        }
        throw new IllegalStateException("No secret key for credentials: set PASSERELLE_SECRET_KEY (or "
                + PROPERTY + ") to the base64 of 32 random bytes, e.g. the output of `openssl rand -base64 32`. "
                + "Keep it: credentials stored with one key cannot be read with another.");
    }

    private Path dataDir() {
        return Path.of(environment.getProperty("passerelle.data-dir", "data"));
    }

    private static byte[] sandboxKey(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            }
            byte[] key = new byte[CredentialCipher.KEY_BYTES];
            new SecureRandom().nextBytes(key);
            OwnerOnlyFiles.write(file, Base64.getEncoder().encodeToString(key));
            log.info("Sandbox: generated the credentials key in {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the sandbox secret key " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The secret key from " + source + " is not valid base64");
        }
        if (key.length != CredentialCipher.KEY_BYTES) {
            throw new IllegalStateException("The secret key from " + source + " must be " + CredentialCipher.KEY_BYTES
                    + " bytes once base64-decoded, not " + key.length);
        }
        return key;
    }
}
