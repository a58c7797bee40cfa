package io.passerelle.erp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.connection.ConnectionChanged;
import io.passerelle.erp.http.RestFixture.Response;
import io.passerelle.run.Futures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Client credentials: one token per connection and credentials, shared by its sessions, renewed before it expires
 * and once when the ERP refuses it. Counted at the token endpoint.
 */
class ClientCredentialsTest {

    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final RestFixture api = new RestFixture();
    private final RestFixture login = new RestFixture();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T10:00:00Z"));
    private final ClientCredentialTokens tokens = new ClientCredentialTokens(now::get);
    private final AtomicInteger issued = new AtomicInteger();
    /** Tokens the API takes; a test revokes one to make it answer 401. */
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final RestClient apiClient = api.client(api.transport());

    @AfterEach
    void stop() {
        api.close();
        login.close();
    }

    private void tokenEndpoint(RestFixture server, String path) {
        server.on("POST", path, request -> {
            String token = "t" + issued.incrementAndGet();
            valid.add(token);
            return Response.json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
        });
        api.on("GET", "/Employees", request -> valid.contains(String.valueOf(request.header("Authorization")).replace("Bearer ", ""))
                ? Response.json(200, "{\"value\":[]}")
                : Response.json(401, "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"The access token is invalid or has expired\"}}")
                        .with("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    /** Abacus: the token endpoint on the API's host, the client in a Basic header. */
    private ClientCredentials abacus(String connection, String secret) {
        tokenEndpoint(api, "/oauth/oauth2/v1/token");
        return new ClientCredentials(tokens, connection, apiClient,
                new OAuthClient("/oauth/oauth2/v1/token", "svc-user", secret, OAuthClient.ClientAuthentication.BASIC),
                Map.of("scope", "abacus.entity.employee.read"), MARGIN);
    }

    private void employees(ClientCredentials auth) {
        Futures.join(new RestSession(apiClient, auth).send(RestRequest.get("/Employees", null), "GET Employees"));
    }

    @Test
    void theClientGoesInABasicHeaderAndTheGrantCarriesTheScope() {
        employees(abacus("abacus-1", "s3cret"));

        assertThat(api.requests("POST", "/oauth/oauth2/v1/token")).singleElement().satisfies(request -> {
            assertThat(request.header("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("svc-user:s3cret".getBytes(StandardCharsets.UTF_8)));
            assertThat(OAuthPasswordGrantTest.form(request)).containsOnly(Map.entry("grant_type", "client_credentials"),
                    Map.entry("scope", "abacus.entity.employee.read"));
        });
        assertThat(api.requests("GET", "/Employees").get(0).header("Authorization")).isEqualTo("Bearer t1");
    }

    @Test
    void sessionsOfOneConnectionShareOneTokenAndOtherCredentialsGetTheirOwn() {
        employees(abacus("abacus-1", "s3cret"));
        employees(abacus("abacus-1", "s3cret"));
        assertThat(issued).as("one token for both sessions").hasValue(1);

        employees(abacus("abacus-1", "rotated"));
        employees(abacus("abacus-2", "s3cret"));
        assertThat(issued).as("a new secret and another connection ask for their own").hasValue(3);
    }

    @Test
    void aTokenIsRenewedBeforeItExpiresNotAfter() {
        ClientCredentials auth = abacus("abacus-1", "s3cret");
        employees(auth);

        now.updateAndGet(instant -> instant.plusSeconds(539));
        employees(auth);
        assertThat(issued).as("still more than the margin left").hasValue(1);

        now.updateAndGet(instant -> instant.plusSeconds(2));
        employees(auth);
        assertThat(issued).as("within a minute of its expiry: renewed first").hasValue(2);
        assertThat(api.requests("GET", "/Employees")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer t1", "Bearer t1", "Bearer t2");
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheCallGoesThrough() {
        ClientCredentials auth = abacus("abacus-1", "s3cret");
        employees(auth);
        valid.remove("t1");

        employees(auth);

        assertThat(issued).hasValue(2);
        assertThat(api.requests("GET", "/Employees")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer t1", "Bearer t1", "Bearer t2");
    }

    @Test
    void aTokenRefusedAgainStandsAfterOneRenewal() {
        ClientCredentials auth = abacus("abacus-1", "s3cret");
        api.on("GET", "/Employees", request -> Response.json(401,
                "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"The access token is invalid or has expired\"}}"));

        assertThatThrownBy(() -> employees(auth)).hasMessage(
                "GET Employees answered HTTP 401 Unauthorized — Unauthorized: The access token is invalid or has expired");
        assertThat(issued).as("the first token and one renewal").hasValue(2);
        assertThat(api.requests("GET", "/Employees")).hasSize(2);
    }

    @Test
    void callsRefusedWithTheSameTokenRenewItOnce() {
        ClientCredentials auth = abacus("abacus-1", "s3cret");
        employees(auth);

        Futures.join(auth.renew(Map.of("Authorization", "Bearer t1")));
        Futures.join(auth.renew(Map.of("Authorization", "Bearer t1")));

        assertThat(issued).hasValue(2);
    }

    @Test
    void aChangedConnectionAsksForANewToken() {
        ClientCredentials auth = abacus("abacus-1", "s3cret");
        employees(auth);

        tokens.onConnectionChanged(new ConnectionChanged("abacus-1", null));
        employees(auth);

        assertThat(issued).hasValue(2);
    }

    @Test
    void twentyFourSevenOfficeAsksItsLoginHostWithFormFieldsOneTokenPerOrganization() {
        tokenEndpoint(login, "/oauth/token");
        RestClient loginClient = login.client(login.transport());
        OAuthClient oauth = new OAuthClient("/oauth/token", "app-id", "app-secret", OAuthClient.ClientAuthentication.FORM);
        ClientCredentials org4711 = new ClientCredentials(tokens, "24so-1", loginClient, oauth,
                Map.of("audience", "https://api.24sevenoffice.com", "login_organization", "4711"), MARGIN);
        ClientCredentials org4712 = new ClientCredentials(tokens, "24so-1", loginClient, oauth,
                Map.of("audience", "https://api.24sevenoffice.com", "login_organization", "4712"), MARGIN);

        employees(org4711);
        employees(org4712);
        employees(org4711);

        assertThat(login.requests("POST", "/oauth/token")).hasSize(2).first().satisfies(request -> {
            assertThat(request.header("Authorization")).isNull();
            assertThat(OAuthPasswordGrantTest.form(request)).containsOnly(Map.entry("grant_type", "client_credentials"),
                    Map.entry("client_id", "app-id"), Map.entry("client_secret", "app-secret"),
                    Map.entry("audience", "https://api.24sevenoffice.com"), Map.entry("login_organization", "4711"));
        });
        assertThat(api.requests("GET", "/Employees")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer t1", "Bearer t2", "Bearer t1");
    }

    @Test
    void aRefusedClientIsSaidInTheTokenEndpointsWordsWithoutTheSecret() {
        api.on("POST", "/oauth/oauth2/v1/token", request -> Response.json(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));
        ClientCredentials auth = new ClientCredentials(tokens, "abacus-1", apiClient,
                new OAuthClient("/oauth/oauth2/v1/token", "svc-user", "s3cret", OAuthClient.ClientAuthentication.BASIC),
                Map.of(), MARGIN);

        assertThatThrownBy(() -> new RestSession(apiClient, auth).signIn())
                .hasMessage("sign-in answered HTTP 401 Unauthorized — invalid_client: Client authentication failed")
                .hasMessageNotContaining("s3cret");
        assertThat(auth.kind()).isEqualTo("client-credentials");
    }

    @Test
    void aShortLivedTokenKeepsHalfItsLife() {
        OAuthToken token = new OAuthToken("a", null, Instant.parse("2026-03-02T10:00:00Z"), Instant.parse("2026-03-02T10:01:00Z"));
        assertThat(token.usable(Instant.parse("2026-03-02T10:00:29Z"), MARGIN)).isTrue();
        assertThat(token.usable(Instant.parse("2026-03-02T10:00:31Z"), MARGIN)).isFalse();
        assertThat(token.toString()).doesNotContain("a,").contains("hidden");
    }
}
