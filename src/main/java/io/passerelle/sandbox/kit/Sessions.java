package io.passerelle.sandbox.kit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Signed-in API sessions and the licence slots they hold (Acumatica's "API Login Limit": N concurrent
 * sessions). A cookie session lives until logout or until it has been idle for the idle timeout. An access
 * token is a session too: it holds a slot until it expires (or is logged out); a refresh while it lives
 * swaps the token in the same slot, a refresh after it died opens a new session (and needs a free slot).
 * An ERP without a licence limit opens with {@link #UNLIMITED}. A token may be valid for one tenant only (an
 * organization, a company: 24SevenOffice's), kept across refreshes. Expiry is checked lazily against the clock,
 * so tests move a clock instead of waiting.
 */
public final class Sessions {

    /** The limit of an ERP that licenses no concurrent sessions. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public static final class Session {
        private final String id;
        private final String ticket;
        private final boolean bearer;
        private volatile String accessToken;
        private volatile String scope = "";
        private volatile String tenant;
        private Instant lastSeen;
        private Instant expiresAt;

        private Session(String id, String ticket, boolean bearer, Instant now) {
            this.id = id;
            this.ticket = ticket;
            this.bearer = bearer;
            this.lastSeen = now;
        }

        /** The session cookie's value. */
        public String id() {
            return id;
        }

        /** The authentication cookie's value of a cookie session; null for a token. */
        public String ticket() {
            return ticket;
        }

        public boolean bearer() {
            return bearer;
        }

        public String accessToken() {
            return accessToken;
        }

        /** The scope granted to a token session ("" for a cookie session), so that a handler can refuse a call it does not cover. */
        public String scope() {
            return scope;
        }

        /** The tenant a token session is valid for (e.g. an organization id), or null when it is not bound to one. */
        public String tenant() {
            return tenant;
        }
    }

    /** A token session with its refresh token (null when none was asked for) and the scope granted. */
    public record Issued(Session session, String refreshToken, String scope) {
    }

    /** Every licence slot is taken. */
    public static final class LimitReached extends RuntimeException {
        LimitReached() {
            super("licence limit reached", null, false, false);
        }
    }

    /** What a refresh token renews. */
    private record Grant(String scope, String tenant) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Supplier<String> accessTokens;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration tokenTtl;
    private final Map<String, Session> byId = new LinkedHashMap<>();
    private final Map<String, Session> byAccessToken = new LinkedHashMap<>();
    /** refresh token to the session it last renewed (which may have ended meanwhile). */
    private final Map<String, Session> byRefreshToken = new LinkedHashMap<>();
    private final Map<String, Grant> refreshGrants = new LinkedHashMap<>();

    public Sessions(Clock clock, Duration idleTimeout, Duration tokenTtl) {
        this(clock, idleTimeout, tokenTtl, null);
    }

    /**
     * With access tokens in the ERP's own look (a JWT's three segments...), each one new; null: random
     * upper-case hex. Tokens are looked up exactly, so the supplier must not repeat itself.
     */
    public Sessions(Clock clock, Duration idleTimeout, Duration tokenTtl, Supplier<String> accessTokens) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.tokenTtl = tokenTtl;
        this.accessTokens = accessTokens != null ? accessTokens : this::randomTicket;
    }

    /** The life of an access token, the {@code expires_in} of the token answer. */
    public Duration tokenTtl() {
        return tokenTtl;
    }

    public synchronized Session openCookieSession(int limit) {
        Instant now = clock.instant();
        takeSlot(now, limit);
        Session s = new Session(randomId(), randomTicket(), false, now);
        byId.put(s.id, s);
        return s;
    }

    /** Opens a token session; issues a refresh token too when {@code withRefresh}. */
    public Issued openTokenSession(int limit, String scope, boolean withRefresh) {
        return openTokenSession(limit, scope, null, withRefresh);
    }

    /** Opens a token session valid for {@code tenant} only (null: for none in particular). */
    public synchronized Issued openTokenSession(int limit, String scope, String tenant, boolean withRefresh) {
        Instant now = clock.instant();
        takeSlot(now, limit);
        Session s = new Session(randomId(), null, true, now);
        s.scope = scope;
        s.tenant = tenant;
        issueAccessToken(s, now);
        byId.put(s.id, s);
        return new Issued(s, withRefresh ? newRefreshToken(s, new Grant(scope, tenant)) : null, scope);
    }

    /** Null when the refresh token is unknown (never issued, or used already: refresh tokens rotate). */
    public synchronized Issued refresh(String refreshToken, int limit) {
        Instant now = clock.instant();
        purge(now);
        Session previous = byRefreshToken.remove(refreshToken);
        Grant grant = refreshGrants.remove(refreshToken);
        if (previous == null) {
            return null;
        }
        Session s = previous;
        if (!byId.containsKey(previous.id)) {
            if (byId.size() >= limit) {
                // the refresh token stays usable: the client may retry once a slot is free
                byRefreshToken.put(refreshToken, previous);
                refreshGrants.put(refreshToken, grant);
                throw new LimitReached();
            }
            s = new Session(randomId(), null, true, now);
            s.scope = grant.scope();
            s.tenant = grant.tenant();
            byId.put(s.id, s);
        } else {
            byAccessToken.remove(s.accessToken);
        }
        issueAccessToken(s, now);
        s.lastSeen = now;
        return new Issued(s, newRefreshToken(s, grant), grant.scope());
    }

    /** The live cookie session whose cookies these are, touched; null otherwise. */
    public synchronized Session byCookies(String sessionId, String ticket) {
        Instant now = clock.instant();
        purge(now);
        Session s = sessionId == null ? null : byId.get(sessionId);
        if (s == null || s.bearer || !s.ticket.equals(ticket)) {
            return null;
        }
        s.lastSeen = now;
        return s;
    }

    /** The live session of this access token, touched; null otherwise. */
    public synchronized Session byAccessToken(String token) {
        Instant now = clock.instant();
        purge(now);
        Session s = token == null ? null : byAccessToken.get(token);
        if (s != null) {
            s.lastSeen = now;
        }
        return s;
    }

    /** Logout: the slot is free again. */
    public synchronized void close(Session s) {
        byId.remove(s.id);
        if (s.accessToken != null) {
            byAccessToken.remove(s.accessToken);
        }
    }

    /** Sessions holding a slot now. */
    public synchronized int open() {
        purge(clock.instant());
        return byId.size();
    }

    /** Ends every session (a tenant restart); refresh tokens survive, as they are persisted. */
    public synchronized void closeAll() {
        byId.clear();
        byAccessToken.clear();
    }

    private void takeSlot(Instant now, int limit) {
        purge(now);
        if (byId.size() >= limit) {
            throw new LimitReached();
        }
    }

    private void issueAccessToken(Session s, Instant now) {
        s.accessToken = accessTokens.get();
        s.expiresAt = now.plus(tokenTtl);
        byAccessToken.put(s.accessToken, s);
    }

    private String newRefreshToken(Session s, Grant grant) {
        String token = randomTicket();
        byRefreshToken.put(token, s);
        refreshGrants.put(token, grant);
        return token;
    }

    private void purge(Instant now) {
        for (Iterator<Session> it = byId.values().iterator(); it.hasNext(); ) {
            Session s = it.next();
            boolean dead = s.bearer ? !now.isBefore(s.expiresAt) : !now.isBefore(s.lastSeen.plus(idleTimeout));
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
