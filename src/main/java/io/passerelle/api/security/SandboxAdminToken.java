package io.passerelle.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import io.passerelle.connection.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's admin token when none is configured: made up on first start, printed once (the only secret
 * Passerelle ever prints, so that a first-time user can call the API at all) and kept in a file so that later
 * starts accept the same one.
 */
class SandboxAdminToken {

    private static final Logger log = LoggerFactory.getLogger(SandboxAdminToken.class);
    private static final int TOKEN_BYTES = 32;

    private final Path file;

    SandboxAdminToken(Path file) {
        this.file = file;
    }

    String obtain() {
        try {
            if (Files.exists(file)) {
                String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (!token.isEmpty()) {
                    log.info("Sandbox: API admin token is in {}", file);
                    return token;
                }
            }
            byte[] random = new byte[TOKEN_BYTES];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            OwnerOnlyFiles.write(file, token);
            log.warn("Sandbox: generated API admin token (shown this once, also written to {}): {}", file, token);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the sandbox admin token " + file, e);
        }
    }
}
