package io.passerelle.erp.http;

import io.passerelle.connection.ConnectionChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Client-credentials tokens, shared by every session of a connection that asks with the same credentials (a
 * token is not tied to a session): one token request however many runs start together, a new one only when the
 * token is near its expiry or was refused. Keyed by connection and a digest of what was asked with (token
 * endpoint, client, secret, extra fields such as 24SevenOffice's organization), so a changed secret asks anew;
 * a changed or deleted connection's tokens are dropped.
 */
@Component
public class ClientCredentialTokens {

    /** @param fingerprint SHA-256 of what the token was asked with: the map holds no secret in its keys */
    record Key(String connectionId, String fingerprint) {
    }

    private final Map<Key, CompletableFuture<OAuthToken>> tokens = new ConcurrentHashMap<>();
    private final InstantSource clock;

    public ClientCredentialTokens() {
        this(InstantSource.system());
    }

    ClientCredentialTokens(InstantSource clock) {
        this.clock = clock;
    }

    static Key key(String connectionId, String... askedWith) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : askedWith) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return new Key(connectionId, HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    InstantSource clock() {
        return clock;
    }

    /** The held token while it is usable (or still being fetched), else a new one from {@code fetch}. */
    CompletableFuture<OAuthToken> token(Key key, Duration margin, Supplier<CompletableFuture<OAuthToken>> fetch) {
        return tokens.compute(key, (k, held) -> usable(held, margin) ? held : fetch.get());
    }

    /** The ERP refused {@code rejectedAuthorization}: a new token, unless another session already has one. */
    CompletableFuture<OAuthToken> renew(Key key, String rejectedAuthorization, Supplier<CompletableFuture<OAuthToken>> fetch) {
        return tokens.compute(key, (k, held) -> held == null || isRejected(held, rejectedAuthorization) ? fetch.get() : held);
    }

    private boolean usable(CompletableFuture<OAuthToken> held, Duration margin) {
        if (held == null || held.isCompletedExceptionally()) {
            return false;
        }
        return !held.isDone() || held.join().usable(clock.instant(), margin);
    }

    private static boolean isRejected(CompletableFuture<OAuthToken> held, String rejectedAuthorization) {
        if (!held.isDone()) {
            return false;
        }
        return held.isCompletedExceptionally()
                || held.join().bearer().get("Authorization").equals(rejectedAuthorization);
    }

    @EventListener
    public void onConnectionChanged(ConnectionChanged change) {
        tokens.keySet().removeIf(key -> key.connectionId().equals(change.connectionId()));
    }
}
