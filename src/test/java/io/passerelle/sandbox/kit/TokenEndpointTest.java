package io.passerelle.sandbox.kit;

import static io.passerelle.sandbox.kit.KitServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T13:00:00Z"));
    private final RequestCounters counters = new RequestCounters();
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(20), Duration.ofSeconds(600));
    private KitServer server;
    private volatile int slots = Sessions.UNLIMITED;

    @AfterEach
    void stop() {
        server.close();
    }

    /** Client credentials as Abacus serves them, a password grant with refresh as Acumatica does, and a protected ping. */
    private void start() {
        server = new KitServer(counters, r -> {
            TokenEndpoint token = TokenEndpoint.builder(sessions)
                    .client((id, secret) -> id.equals("app@7777") && secret.equals("s3cret"))
                    .slots(() -> slots)
                    .clientCredentialsGrant(requested -> requested.isEmpty() ? "entity.read entity.write"
                            : requested.equals("entity.read") ? requested : null)
                    .passwordGrant((user, password) -> user.equals("anna") && password.equals("pw"),
                            requested -> requested.trim(), scope -> scope.contains("offline_access"))
                    .refreshGrant()
                    .acceptJson()
                    .counters(counters)
                    .build();
            r.route("POST", "/oauth/token", "token", token)
                    .route("GET", "/api/ping", "ping", req -> {
                        Sessions.Session s = sessions.byAccessToken(req.bearerToken());
                        if (s == null) {
                            throw KitServer.ODataErrors.error(401, "Unauthorized", "The access token is invalid or has expired");
                        }
                        return Answer.json(200, SimulatorJson.HTTP.createObjectNode().put("ok", true));
                    });
        });
    }

    private HttpResponse<String> token(String form, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = FORM;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return server.send("POST", "/oauth/token", form, all);
    }

    private int ping(String accessToken) throws Exception {
        return server.get("/api/ping", "Authorization", "Bearer " + accessToken).statusCode();
    }

    @Test
    void clientCredentialsGiveAnExpiringTokenFromFormFieldsOrBasic() throws Exception {
        start();
        HttpResponse<String> r = token("grant_type=client_credentials&client_id=app%407777&client_secret=s3cret");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode t = json(r);
        assertThat(t.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.path("expires_in").asLong()).isEqualTo(600);
        assertThat(t.path("scope").asText()).isEqualTo("entity.read entity.write");
        assertThat(t.has("refresh_token")).isFalse();
        assertThat(ping(t.path("access_token").asText())).isEqualTo(200);

        String basic = Base64.getEncoder().encodeToString("app%407777:s3cret".getBytes(StandardCharsets.UTF_8));
        JsonNode viaBasic = json(token("grant_type=client_credentials&scope=entity.read", "Authorization", "Basic " + basic));
        assertThat(viaBasic.path("scope").asText()).isEqualTo("entity.read");

        clock.advance(Duration.ofSeconds(600));
        assertThat(ping(t.path("access_token").asText())).as("expired").isEqualTo(401);
        assertThat(counters.tokensIssued("client_credentials")).isEqualTo(2);
        assertThat(server.counters.requests("POST", "token")).isEqualTo(2);
    }

    @Test
    void refusalsUseTheConfiguredErrorBodies() throws Exception {
        start();
        HttpResponse<String> badClient = token("grant_type=client_credentials&client_id=app%407777&client_secret=nope");
        assertThat(badClient.statusCode()).isEqualTo(401);
        assertThat(json(badClient).path("error").asText()).isEqualTo("invalid_client");
        assertThat(json(token("grant_type=client_credentials&client_id=app%407777&client_secret=s3cret&scope=admin"))
                .path("error").asText()).isEqualTo("invalid_scope");
        assertThat(json(token("grant_type=authorization_code&client_id=app%407777&client_secret=s3cret"))
                .path("error").asText()).isEqualTo("unsupported_grant_type");
        HttpResponse<String> badUser = token("grant_type=password&client_id=app%407777&client_secret=s3cret"
                + "&username=anna&password=wrong");
        assertThat(badUser.statusCode()).isEqualTo(400);
        assertThat(json(badUser).path("error").asText()).isEqualTo("invalid_grant");
        HttpResponse<String> xml = server.send("POST", "/oauth/token", "<token/>", "Content-Type", "text/xml");
        assertThat(json(xml).path("error").asText()).isEqualTo("invalid_request");
        assertThat(counters.tokensIssued("client_credentials")).isZero();
    }

    @Test
    void aJsonBodyIsAcceptedWhenConfigured() throws Exception {
        start();
        HttpResponse<String> r = server.send("POST", "/oauth/token",
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"app@7777\",\"client_secret\":\"s3cret\"}",
                "Content-Type", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ping(json(r).path("access_token").asText())).isEqualTo(200);
    }

    @Test
    void passwordGrantRefreshRotatesAndTokensHoldLicenceSlots() throws Exception {
        slots = 1;
        start();
        String client = "client_id=app%407777&client_secret=s3cret";
        JsonNode first = json(token("grant_type=password&" + client + "&username=anna&password=pw&scope=api+offline_access"));
        assertThat(first.path("refresh_token").asText()).isNotEmpty();
        assertThat(sessions.open()).isEqualTo(1);

        HttpResponse<String> second = token("grant_type=client_credentials&" + client);
        assertThat(second.statusCode()).as("every licence slot is taken").isEqualTo(400);
        assertThat(json(second).path("error_description").asText()).contains("(1)");

        JsonNode refreshed = json(token("grant_type=refresh_token&" + client + "&refresh_token="
                + first.path("refresh_token").asText()));
        assertThat(refreshed.path("scope").asText()).isEqualTo("api offline_access");
        assertThat(sessions.open()).as("the refresh swaps the token in the same slot").isEqualTo(1);
        assertThat(ping(first.path("access_token").asText())).isEqualTo(401);
        assertThat(ping(refreshed.path("access_token").asText())).isEqualTo(200);
        assertThat(token("grant_type=refresh_token&" + client + "&refresh_token="
                + first.path("refresh_token").asText()).statusCode()).as("single use").isEqualTo(400);

        clock.advance(Duration.ofSeconds(601));
        assertThat(sessions.open()).as("an expired token frees its slot").isZero();
        assertThat(token("grant_type=client_credentials&" + client).statusCode()).isEqualTo(200);
        assertThat(counters.tokensIssued("password")).isEqualTo(1);
        assertThat(counters.tokensIssued("refresh_token")).isEqualTo(1);
    }

    @Test
    void aClientGrantReadsTheErpsParametersAndBindsTheTokenToATenant() throws Exception {
        server = new KitServer(counters, r -> r.route("POST", "/oauth/token", "token", TokenEndpoint.builder(sessions)
                .client((id, secret) -> id.equals("app") && secret.equals("s3cret"))
                .clientCredentialsGrant((clientId, parameters) -> {
                    String organization = parameters.get("login_organization");
                    if (!"4711".equals(organization)) {
                        throw KitServer.ODataErrors.error(403, "NotConnected", clientId + " is not connected to "
                                + organization);
                    }
                    return new TokenEndpoint.Grant("customers:read", organization);
                })
                .counters(counters)
                .build()));
        JsonNode t = json(token("grant_type=client_credentials&client_id=app&client_secret=s3cret&login_organization=4711"));
        assertThat(t.path("scope").asText()).isEqualTo("customers:read");
        assertThat(sessions.byAccessToken(t.path("access_token").asText()).tenant()).isEqualTo("4711");

        HttpResponse<String> refused = token("grant_type=client_credentials&client_id=app&client_secret=s3cret"
                + "&login_organization=4712");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("error").path("message").asText()).isEqualTo("app is not connected to 4712");
        assertThat(token("grant_type=client_credentials&client_id=app&client_secret=nope&login_organization=4711")
                .statusCode()).as("the client is checked first").isEqualTo(401);
        assertThat(counters.tokensIssued("client_credentials")).isEqualTo(1);
    }
}
