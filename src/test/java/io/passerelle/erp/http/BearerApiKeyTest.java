package io.passerelle.erp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.erp.http.RestFixture.Response;
import io.passerelle.run.Futures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A static API key: sent as a bearer token; a 401 or 403 stands, in the ERP's words, and the key is never shown. */
class BearerApiKeyTest {

    private final RestFixture fixture = new RestFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theKeyGoesWithEveryCallAndARefusalIsNotRetried() {
        fixture.on("GET", "/relations", request -> "Bearer k-123".equals(request.header("Authorization"))
                ? Response.json(200, "{\"results\":[]}")
                : Response.json(401, "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Unknown API key\"}"));
        RestClient client = fixture.client(fixture.transport());

        try (RestSession good = new RestSession(client, new BearerApiKey(" k-123 "))) {
            good.signIn();
            assertThat(Futures.join(good.json(RestRequest.get("/relations", null), "GET relations")).has("results")).isTrue();
            assertThat(good.authentication()).isEqualTo("api-key");
        }
        BearerApiKey wrong = new BearerApiKey("k-999");
        RestSession bad = new RestSession(client, wrong);
        assertThatThrownBy(() -> Futures.join(bad.send(RestRequest.get("/relations", null), "GET relations")))
                .hasMessage("GET relations answered HTTP 401 Unauthorized — Unauthorized: Unknown API key")
                .hasMessageNotContaining("k-999");
        assertThat(fixture.requests("GET", "/relations")).hasSize(2);
        assertThat(wrong.toString()).doesNotContain("k-999");
    }

    @Test
    void aMissingKeyIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> new BearerApiKey(" ")).hasMessage("the API key is missing");
    }
}
