package io.passerelle.sandbox.acumatica;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Signed-in API sessions and the licence slots they hold. A cookie session lives until logout or until it
 * has been idle for the session timeout. An OAuth access token is a session too: it holds a slot until it
 * expires (or logout is called with it); a refresh while it lives swaps the token in the same slot, a
 * refresh after it died opens a new session (and needs a free slot). Expiry is checked lazily against the
 * clock, so tests move a clock instead of waiting.
 */
final class Sessions {

    static final class Session {
        final String sessionId;
        final String authTicket;
        final boolean bearer;
        String accessToken;
        Instant lastSeen;
        Instant expiresAt;

        private Session(String sessionId, String authTicket, boolean bearer, Instant now) {
            this.sessionId = sessionId;
            this.authTicket = authTicket;
            this.bearer = bearer;
            this.lastSeen = now;
        }
    }

    /** A refresh token and the scope it was granted for. */
    record Refresh(String token, String scope) {
    }

    static final class LimitReached extends RuntimeException {
        LimitReached() {
            super("API Login Limit", null, false, false);
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private volatile Duration idleTimeout;
    private volatile Duration tokenTtl;
    private final Map<String, Session> bySessionId = new LinkedHashMap<>();
    private final Map<String, Session> byAccessToken = new LinkedHashMap<>();
    /** refresh token to the session it last renewed (which may have ended meanwhile). */
    private final Map<String, Session> byRefreshToken = new LinkedHashMap<>();
    private final Map<String, String> refreshScopes = new LinkedHashMap<>();

    Sessions(Clock clock, Duration idleTimeout, Duration tokenTtl) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.tokenTtl = tokenTtl;
    }

    Clock clock() {
        return clock;
    }

    Duration tokenTtl() {
        return tokenTtl;
    }

    synchronized Session openCookieSession(int limit) {
        Instant now = clock.instant();
        purge(now);
        if (bySessionId.size() >= limit) {
            throw new LimitReached();
        }
        Session s = new Session(randomId(), randomTicket(), false, now);
        bySessionId.put(s.sessionId, s);
        return s;
    }

    /** Opens a token session; answers the refresh token too when {@code withRefresh}. */
    synchronized Session openTokenSession(int limit, boolean withRefresh, String scope, String[] refreshOut) {
        Instant now = clock.instant();
        purge(now);
        if (bySessionId.size() >= limit) {
            throw new LimitReached();
        }
        Session s = new Session(randomId(), null, true, now);
        issueAccessToken(s, now);
        bySessionId.put(s.sessionId, s);
        if (withRefresh) {
            refreshOut[0] = newRefreshToken(s, scope);
        }
        return s;
    }

    /** Null when the refresh token is unknown (never issued, or used already: tokens rotate). */
    synchronized Session refresh(String refreshToken, int limit, String[] refreshOut, String[] scopeOut) {
        Instant now = clock.instant();
        purge(now);
        Session previous = byRefreshToken.remove(refreshToken);
        String scope = refreshScopes.remove(refreshToken);
        if (previous == null) {
            return null;
        }
        Session s = previous;
        if (!bySessionId.containsKey(previous.sessionId)) {
            if (bySessionId.size() >= limit) {
                // the refresh token stays usable: the client may retry once a slot is free
                byRefreshToken.put(refreshToken, previous);
                refreshScopes.put(refreshToken, scope);
                throw new LimitReached();
            }
            s = new Session(randomId(), null, true, now);
            bySessionId.put(s.sessionId, s);
        } else {
            byAccessToken.remove(s.accessToken);
        }
        issueAccessToken(s, now);
        s.lastSeen = now;
        refreshOut[0] = newRefreshToken(s, scope);
        scopeOut[0] = scope;
        return s;
    }

    /** The live cookie session whose cookies these are, touched; null otherwise. */
    synchronized Session byCookies(String sessionId, String authTicket) {
        Instant now = clock.instant();
        purge(now);
        Session s = sessionId == null ? null : bySessionId.get(sessionId);
        if (s == null || s.bearer || !s.authTicket.equals(authTicket)) {
            return null;
        }
        s.lastSeen = now;
        return s;
    }

    synchronized Session byAccessToken(String token) {
        Instant now = clock.instant();
        purge(now);
        Session s = token == null ? null : byAccessToken.get(token);
        if (s != null) {
            s.lastSeen = now;
        }
        return s;
    }

    synchronized void close(Session s) {
        bySessionId.remove(s.sessionId);
        if (s.accessToken != null) {
            byAccessToken.remove(s.accessToken);
        }
    }

    synchronized int open() {
        purge(clock.instant());
        return bySessionId.size();
    }

    /** Ends every session (a tenant restart); refresh tokens survive, as they are persisted. */
    synchronized void closeAll() {
        bySessionId.clear();
        byAccessToken.clear();
    }

    void setIdleTimeout(Duration timeout) {
        this.idleTimeout = timeout;
    }

    private void issueAccessToken(Session s, Instant now) {
        s.accessToken = randomTicket();
        s.expiresAt = now.plus(tokenTtl);
        byAccessToken.put(s.accessToken, s);
    }

    private String newRefreshToken(Session s, String scope) {
        String token = randomTicket();
        byRefreshToken.put(token, s);
        refreshScopes.put(token, scope);
        return token;
    }

    private void purge(Instant now) {
        Duration idle = idleTimeout;
        for (Iterator<Session> it = bySessionId.values().iterator(); it.hasNext(); ) {
            Session s = it.next();
            boolean dead = s.bearer ? !now.isBefore(s.expiresAt) : !now.isBefore(s.lastSeen.plus(idle));
            if (dead) {
                it.remove();
                if (s.accessToken != null) {
                    byAccessToken.remove(s.accessToken);
                }
            }
        }
    }

    private String randomId() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        // ASP.NET session ids are 24 lower-case base32 characters; hex of the same entropy looks alike
        return HexFormat.of().formatHex(b);
    }

    private String randomTicket() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b) + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }
}
