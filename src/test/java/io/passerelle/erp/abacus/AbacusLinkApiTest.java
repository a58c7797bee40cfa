package io.passerelle.erp.abacus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.api.ApiClient;
import io.passerelle.api.ApiTestSupport;
import io.passerelle.connection.ConnectionService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The seed's link, through the API: the company's mandant is linked by a test ("Entreprise reliée", with its AmID),
 * every run keeps the link's status, a wrong mandant or secret fails it in words, and the link can be cancelled
 * ("Annuler liaison à Abacus") and made again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"sandbox", "test"})
class AbacusLinkApiTest {

    static final String ADMIN = "test-admin-token";
    static final String CONNECTION = "/api/connections/sandbox-abacus";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ConnectionService connections;

    private ApiClient api;
    private ObjectNode original;

    @BeforeEach
    void start() {
        api = new ApiClient(port, json);
        original = document();
    }

    @AfterEach
    void asPackaged() {
        put(original);
        ok(api.call("POST", CONNECTION + "/link", ADMIN));
    }

    @Test
    void aTestLinksTheMandantAndRunsKeepTheLinkUpToDate() {
        JsonNode tested = ok(api.call("POST", CONNECTION + "/test", ADMIN));
        assertThat(tested.path("ok").asBoolean()).as(tested.toString()).isTrue();
        assertThat(tested.path("details").path("steps")).extracting(step -> step.path("step").asText())
                .containsExactly("server", "token", "mandant", "scopes");
        JsonNode link = ok(api.call("GET", CONNECTION, ADMIN)).path("link");
        assertThat(link.path("status").asText()).isEqualTo("LINKED");
        assertThat(link.path("amId").asText()).isEqualTo("AM-ALPBAU-7777");
        assertThat(link.path("mandant").asText()).isEqualTo("7777");
        assertThat(link.path("checkedAt").isTextual()).isTrue();

        JsonNode run = ok(api.call("POST", CONNECTION + "/sync/serviceCodes?wait=true", ADMIN));
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(ok(api.call("GET", CONNECTION, ADMIN)).path("link").path("message").asText())
                .isEqualTo("run " + run.path("id").asLong() + " of serviceCodes SUCCEEDED");
    }

    @Test
    void aWrongMandantAndAWrongSecretEachFailTheLinkSayingWhich() {
        ObjectNode otherMandant = original.deepCopy();
        ((ObjectNode) otherMandant.path("options")).put("mandant", "7778");
        assertThat(put(otherMandant).path("link").path("status").asText()).as("another mandant is another link")
                .isEqualTo("NOT_LINKED");
        JsonNode mandant = ok(api.call("POST", CONNECTION + "/test", ADMIN));
        assertThat(mandant.path("ok").asBoolean()).isFalse();
        assertThat(mandant.path("message").asText()).startsWith("mandant 7778 is unknown on this Abacus server");
        JsonNode failed = ok(api.call("GET", CONNECTION, ADMIN)).path("link");
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("message").asText()).startsWith("mandant 7778 is unknown");

        JsonNode run = ok(api.call("POST", CONNECTION + "/sync/employees?wait=true", ADMIN));
        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        assertThat(run.path("message").asText()).contains("mandant 7778 is unknown");

        ObjectNode wrongSecret = original.deepCopy();
        ((ObjectNode) wrongSecret.path("credentials")).put("clientSecret", "not-the-secret");
        put(wrongSecret);
        JsonNode secret = ok(api.call("POST", CONNECTION + "/test", ADMIN));
        assertThat(secret.path("ok").asBoolean()).isFalse();
        assertThat(secret.path("details").path("result").asText()).isEqualTo("bad-credentials");
        assertThat(ok(api.call("GET", CONNECTION, ADMIN)).path("link").path("message").asText())
                .startsWith("Abacus refused the client id or secret (invalid_client)");
        assertThat(api.call("GET", CONNECTION, ADMIN).body()).doesNotContain("not-the-secret");
    }

    @Test
    void anUnlinkedCompanyRunsNothingUntilItIsLinkedAgain() {
        JsonNode unlinked = ok(api.call("POST", CONNECTION + "/unlink", ADMIN));
        assertThat(unlinked.path("link").path("status").asText()).isEqualTo("UNLINKED");
        ApiTestSupport.Response refused = api.call("POST", CONNECTION + "/sync/employees?wait=true", ADMIN);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("sandbox-abacus is unlinked");

        JsonNode linked = ok(api.call("POST", CONNECTION + "/link", ADMIN));
        assertThat(linked.path("link").path("status").asText()).isEqualTo("LINKED");
        assertThat(linked.path("test").path("message").asText()).contains("AmID AM-ALPBAU-7777");
        assertThat(ok(api.call("POST", CONNECTION + "/sync/employees?wait=true", ADMIN)).path("status").asText())
                .isEqualTo("SUCCEEDED");
    }

    /** The connection as the API shows it, with its real credentials, ready to be PUT back. */
    private ObjectNode document() {
        ObjectNode document = (ObjectNode) ok(api.call("GET", CONNECTION, ADMIN)).deepCopy();
        document.remove(List.of("createdAt", "updatedAt", "link"));
        document.set("credentials", json.valueToTree(connections.get("sandbox-abacus").credentials()));
        return document;
    }

    private JsonNode put(ObjectNode document) {
        return ok(api.call("PUT", CONNECTION, ADMIN, document.toString()));
    }

    private static JsonNode ok(ApiTestSupport.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response.node();
    }
}
