package io.passerelle.erp.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * OAuth 2.0 client credentials (Abacus, 24SevenOffice): the client's id and secret, and the ERP's own fields
 * ({@code scope}, 24SevenOffice's {@code audience} and {@code login_organization}), buy a token that every session
 * of the connection shares ({@link ClientCredentialTokens}). It is renewed {@code margin} before it expires, and
 * once when the ERP answers 401. There is no refresh token, and nothing to sign out of: the token is shared.
 */
public final class ClientCredentials implements HttpAuthentication {

    private final ClientCredentialTokens tokens;
    private final ClientCredentialTokens.Key key;
    private final RestClient tokenClient;
    private final OAuthClient oauth;
    private final Map<String, String> grant;
    private final Duration margin;

    /**
     * @param tokenClient calls the token endpoint; its transport may be another host than the API's (24SevenOffice)
     * @param fields      sent with {@code grant_type=client_credentials}, e.g. {@code scope}, {@code audience}
     */
    public ClientCredentials(ClientCredentialTokens tokens, String connectionId, RestClient tokenClient, OAuthClient oauth,
            Map<String, String> fields, Duration margin) {
        this.tokens = tokens;
        this.tokenClient = tokenClient;
        this.oauth = oauth;
        this.grant = new LinkedHashMap<>();
        grant.put("grant_type", "client_credentials");
        grant.putAll(fields);
        this.margin = margin;
        List<String> askedWith = new ArrayList<>(List.of(tokenClient.transport().base().toString(), oauth.tokenPath(),
                oauth.clientId(), oauth.clientSecret(), oauth.authentication().name()));
        new TreeMap<>(fields).forEach((name, value) -> askedWith.add(name + "=" + value));
        this.key = ClientCredentialTokens.key(connectionId, askedWith.toArray(String[]::new));
    }

    @Override
    public CompletableFuture<Void> signIn() {
        return headers().thenAccept(ignored -> { });
    }

    @Override
    public CompletableFuture<Map<String, String>> headers() {
        return token().thenApply(OAuthToken::bearer);
    }

    /**
     * The token the connection's sessions share now (fetched when there is none usable): what a connection test
     * reads the granted scopes from.
     */
    public CompletableFuture<OAuthToken> token() {
        return tokens.token(key, margin, this::fetch);
    }

    @Override
    public CompletableFuture<Boolean> renew(Map<String, String> rejected) {
        return tokens.renew(key, rejected.get("Authorization"), this::fetch).thenApply(token -> true);
    }

    private CompletableFuture<OAuthToken> fetch() {
        return oauth.token(tokenClient, grant, tokens.clock());
    }

    @Override
    public String kind() {
        return "client-credentials";
    }
}
