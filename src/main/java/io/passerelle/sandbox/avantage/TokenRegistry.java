package io.passerelle.sandbox.avantage;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Session tokens: not bound to a connection, as the spec lets any connection carry any token. */
final class TokenRegistry {

    private static final int PRUNE_ABOVE = 10_000;

    private final ConcurrentHashMap<String, Long> expiryByToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private volatile Duration ttl;

    TokenRegistry(Duration ttl, Clock clock) {
        this.ttl = validTtl(ttl);
        this.clock = clock;
    }

    String issue() {
        if (expiryByToken.size() > PRUNE_ABOVE) {
            long now = clock.millis();
            expiryByToken.values().removeIf(expiry -> expiry <= now);
        }
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        expiryByToken.put(token, clock.millis() + ttl.toMillis());
        return token;
    }

    /**
     * True when the token is live. An unknown token counts as expired too: after a server restart a
     * client's old token is unknown, and logging in again is exactly what it should do.
     */
    boolean isValid(String token) {
        Long expiry = expiryByToken.get(token);
        return expiry != null && expiry > clock.millis();
    }

    void expireAll() {
        expiryByToken.replaceAll((token, expiry) -> Long.MIN_VALUE);
    }

    Duration ttl() {
        return ttl;
    }

    void setTtl(Duration ttl) {
        this.ttl = validTtl(ttl);
    }

    private static Duration validTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("token TTL must be positive");
        }
        return ttl;
    }
}
