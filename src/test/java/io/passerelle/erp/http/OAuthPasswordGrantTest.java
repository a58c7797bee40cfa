package io.passerelle.erp.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.erp.http.RestFixture.Request;
import io.passerelle.erp.http.RestFixture.Response;
import io.passerelle.run.Futures;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The password grant: a token, refreshed once after a 401 (or a new grant when the refresh is refused), a sign-out. */
class OAuthPasswordGrantTest {

    private final RestFixture fixture = new RestFixture();
    private final AtomicInteger tokens = new AtomicInteger();
    private final RestClient client = fixture.client(fixture.transport());

    @AfterEach
    void stop() {
        fixture.close();
    }

    static Map<String, String> form(Request request) {
        return Arrays.stream(request.body().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private RestSession session(boolean refreshWorks) {
        fixture.on("POST", "/connect/token", request -> {
            Map<String, String> form = form(request);
            if (form.get("grant_type").equals("refresh_token") && (!refreshWorks || !form.get("refresh_token").equals("r1"))) {
                return Response.json(400, "{\"error\":\"invalid_grant\"}");
            }
            int n = tokens.incrementAndGet();
            return Response.json(200, "{\"access_token\":\"a" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                    + "\"refresh_token\":\"r" + n + "\"}");
        });
        fixture.on("POST", "/auth/logout", request -> new Response(204, Map.of(), null));
        fixture.on("GET", "/items", request -> "Bearer a1".equals(request.header("Authorization"))
                ? Response.json(401, "{\"message\":\"Authorization has been denied for this request.\"}")
                : Response.json(200, "[]"));
        OAuthClient oauth = new OAuthClient("/connect/token", "app", "s3cret", OAuthClient.ClientAuthentication.FORM);
        return new RestSession(client, new OAuthPasswordGrant(client, oauth, "admin", "pw", "api offline_access",
                new RestRequest("POST", "/auth/logout", null, Map.of(), null)));
    }

    @Test
    void theGrantCarriesTheUserAndTheClientAndAnExpiredTokenIsRefreshedOnce() {
        try (RestSession session = session(true)) {
            session.signIn();
            Futures.join(session.send(RestRequest.get("/items", null), "GET items"));
            assertThat(session.authentication()).isEqualTo("oauth2");
        }
        assertThat(fixture.requests("POST", "/connect/token")).extracting(OAuthPasswordGrantTest::form)
                .satisfiesExactly(
                        grant -> assertThat(grant).containsEntry("grant_type", "password").containsEntry("username", "admin")
                                .containsEntry("password", "pw").containsEntry("client_id", "app")
                                .containsEntry("client_secret", "s3cret").containsEntry("scope", "api offline_access"),
                        refresh -> assertThat(refresh).containsEntry("grant_type", "refresh_token")
                                .containsEntry("refresh_token", "r1").containsEntry("client_id", "app"));
        assertThat(fixture.requests("GET", "/items")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer a1", "Bearer a2");
        assertThat(fixture.requests("POST", "/auth/logout")).singleElement()
                .satisfies(logout -> assertThat(logout.header("Authorization")).isEqualTo("Bearer a2"));
    }

    @Test
    void aRefusedRefreshSignsInAgain() {
        try (RestSession session = session(false)) {
            session.signIn();
            Futures.join(session.send(RestRequest.get("/items", null), "GET items"));
        }
        assertThat(fixture.requests("POST", "/connect/token")).extracting(r -> form(r).get("grant_type"))
                .containsExactly("password", "refresh_token", "password");
    }
}
