package io.passerelle.erp.http;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * OAuth 2.0 resource-owner password grant (Acumatica's connected applications): the user's name and password
 * buy an access token and, with {@code offline_access}, a refresh token. A 401 refreshes once; when there is no
 * refresh token, or the refresh is refused, it signs in again. A sign-out request, when the ERP has one, ends the
 * session the token opened (Acumatica's licence slot).
 */
public final class OAuthPasswordGrant implements HttpAuthentication {

    private final RestClient client;
    private final OAuthClient oauth;
    private final Map<String, String> grant;
    private final RestRequest signOut;
    private final InstantSource clock;
    private final Renewal renewal = new Renewal();
    private volatile OAuthToken token;

    /** @param signOut sent with the token at the end, or null when the ERP has no sign-out */
    public OAuthPasswordGrant(RestClient client, OAuthClient oauth, String username, String password, String scope,
            RestRequest signOut) {
        this(client, oauth, username, password, scope, signOut, InstantSource.system());
    }

    OAuthPasswordGrant(RestClient client, OAuthClient oauth, String username, String password, String scope,
            RestRequest signOut, InstantSource clock) {
        this.client = client;
        this.oauth = oauth;
        this.grant = new LinkedHashMap<>();
        grant.put("grant_type", "password");
        grant.put("username", username);
        grant.put("password", password);
        grant.put("scope", scope);
        this.signOut = signOut;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> signIn() {
        return oauth.token(client, grant, clock).thenAccept(granted -> token = granted);
    }

    @Override
    public CompletableFuture<Map<String, String>> headers() {
        OAuthToken held = token;
        return CompletableFuture.completedFuture(held == null ? Map.of() : held.bearer());
    }

    @Override
    public CompletableFuture<Boolean> renew(Map<String, String> rejected) {
        OAuthToken held = token;
        return renewal.renew(rejected.equals(held == null ? Map.of() : held.bearer()), this::refresh);
    }

    private CompletableFuture<Void> refresh() {
        OAuthToken held = token;
        if (held == null || held.refreshToken() == null) {
            return signIn();
        }
        Map<String, String> refresh = new LinkedHashMap<>();
        refresh.put("grant_type", "refresh_token");
        refresh.put("refresh_token", held.refreshToken());
        return oauth.request(client, refresh).thenCompose(answer -> {
            if (!answer.ok()) {
                return signIn();
            }
            token = OAuthToken.read(client.json(answer), clock.instant(), client.refusals().erp());
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<Void> signOut() {
        OAuthToken held = token;
        if (held == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (signOut == null) {
            token = null;
            return CompletableFuture.completedFuture(null);
        }
        return client.exchange(signOut.withHeaders(held.bearer()), "sign-out", NONE)
                .whenComplete((answer, failure) -> token = null)
                .thenAccept(answer -> { });
    }

    @Override
    public String kind() {
        return "oauth2";
    }
}
