package io.passerelle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.SandboxApiTest;
import io.passerelle.api.ApiClient;
import io.passerelle.api.ApiTestSupport.Response;
import io.passerelle.console.ConsoleClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The New connection form, a connection's tests and flow tabs over plain HTTP, against the sandbox's Avantage server:
 * alice (an ENGINEER) makes an Avantage connection from the form made of its module's fields, which is tested at
 * once; a refused form names the field beside it and never writes a secret back; she syncs employees, finds one in the
 * flow's records, and resets its watermark; bob, another ENGINEER, reads her connection with no button, and his
 * posts are refused as the API refuses them.
 */
@SandboxApiTest
class ConsoleConnectionWizardTest {

    static final String ALICE = "alice-token";
    static final String BOB = "bob-token";
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Value("${passerelle.sandbox.avantage.bound-port}")
    int avantagePort;
    @Value("${passerelle.sandbox.avantage.user:integration}")
    String avantageUser;
    @Value("${passerelle.sandbox.avantage.password:sandbox}")
    String avantagePassword;
    @Value("${passerelle.sandbox.avantage.encryption-key:cGFzc2VyZWxsZS1zYW5kYm94LWF2YW50YWdlLWRlbW8=}")
    String encryptionKey;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, json);
    }

    private ConsoleClient signedIn(String token) {
        ConsoleClient client = new ConsoleClient(port);
        assertThat(client.signIn(token).status()).isEqualTo(302);
        return client;
    }

    private Map<String, String> avantageForm(String id) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id", id);
        form.put("company.code", "WIZ" + id.hashCode() % 1000);
        form.put("company.name", "Wizard " + id);
        form.put("endpoint", "tcp://127.0.0.1:" + avantagePort);
        form.put("credentials.user", avantageUser);
        form.put("credentials.password", avantagePassword);
        form.put("credentials.encryptionKey", encryptionKey);
        return form;
    }

    @Test
    void theFormIsMadeOfTheModulesFieldsWithItsNotesAndTheSwitchsWarning() {
        ConsoleClient alice = signedIn(ALICE);

        Page erps = alice.get("/console/connections/new");
        assertThat(erps.status()).isEqualTo(200);
        assertThat(erps.text()).contains("Connect to avantage", "Connect to acumatica", "Connect to abacus",
                "Connect to adminpulse", "Connect to 24sevenoffice");

        Page form = alice.get("/console/connections/new/abacus");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"field-credentials-clientSecret\">clientSecret *</label>")
                .contains("type=\"password\"")
                .contains("<label for=\"field-options-mandant\">mandant *</label>")
                .contains("<label for=\"field-options-amId\">amId</label>")
                .contains("<label for=\"field-allowOthersToEdit\">Allow others to edit</label>");
        assertThat(form.text()).contains("must be a number, e.g. 7777")
                .contains("Enable the mandant for the Entity API")
                .contains("Others may now edit this connection and see all its companies");

        ConsoleClient french = new ConsoleClient(port, "fr");
        french.signIn(ALICE);
        assertThat(french.get("/console/connections/new/avantage").text())
                .contains("Avant de commencer", "le défaut 2131", "Permettre aux autres de modifier",
                        "le mot de passe de cet usager");

        assertThat(alice.get("/console/connections/new/sap").status()).isEqualTo(404);
    }

    @Test
    void aRefusedFormNamesTheFieldBesideItAndNeverWritesTheSecretBack() {
        ConsoleClient alice = signedIn(ALICE);
        alice.get("/console/connections/new/avantage");
        Map<String, String> form = avantageForm("wiz-refused-" + NEXT.getAndIncrement());
        form.remove("credentials.user");
        form.put("endpoint", "https://127.0.0.1:" + avantagePort);

        Page refused = alice.post("/console/connections/new/avantage", form);

        assertThat(refused.status()).as(refused.toString()).isIn(400, 422);
        assertThat(refused.text()).contains("The connection was not created");
        assertThat(refused.body()).contains("id=\"field-credentials-user-problem\"")
                .contains("id=\"field-endpoint-problem\"")
                .doesNotContain(avantagePassword).doesNotContain(encryptionKey);
        assertThat(refused.body()).as("what was typed, secrets aside, stays").contains(form.get("company.name"));
        assertThat(api.call("GET", "/api/connections/" + form.get("id"), ALICE, null).status()).isEqualTo(404);
    }

    @Test
    void aConnectionMadeFromTheFormIsTestedSyncedSearchedAndItsWatermarkReset() {
        ConsoleClient alice = signedIn(ALICE);
        String id = "wiz-avantage-" + NEXT.getAndIncrement();
        alice.get("/console/connections/new/avantage");

        Page created = alice.post("/console/connections/new/avantage", avantageForm(id));

        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        assertThat(created.location()).endsWith("/console/connections/" + id);
        Page page = alice.get("/console/connections/" + id);
        assertThat(page.text()).contains("Connection " + id + " created.").contains("Test passed:");
        JsonNode stored = api.call("GET", "/api/connections/" + id, ALICE, null).node();
        assertThat(stored.path("erp").asText()).isEqualTo("avantage");
        assertThat(stored.path("owner").asText()).isEqualTo("alice");
        assertThat(stored.path("allowOthersToEdit").asBoolean()).isFalse();
        assertThat(stored.toString()).doesNotContain(avantagePassword);

        assertThat(alice.post("/console/connections/" + id + "/sync/employees").status()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(lastRun(id, "employees")));

        Page tab = alice.get("/console/connections/" + id + "?flow=employees");
        assertThat(tab.status()).isEqualTo(200);
        assertThat(tab.text()).contains("Flow employees").contains("Records of employees");
        JsonNode records = api.call("GET", "/api/connections/" + id + "/records/employees?limit=100", ALICE, null)
                .node().path("items");
        assertThat(records.size()).isGreaterThan(25);
        assertThat(tab.body()).contains("Next page");
        assertThat(tab.text()).as("the first page of records").contains(records.get(0).path("number").asText());
        String number = records.get(3).path("number").asText();
        String lastName = records.get(3).path("lastName").asText();
        Page found = alice.get("/console/connections/" + id + "?flow=employees&q=" + number);
        assertThat(found.text()).contains(number).contains(lastName).doesNotContain("Next page");

        Page invalid = alice.post("/console/connections/" + id + "/cursors/employees", Map.of("watermark", "yesterday"));
        assertThat(invalid.status()).isEqualTo(302);
        assertThat(alice.get(invalid.location().replaceFirst("^https?://[^/]+", "")).text())
                .contains("The watermark was not changed: must be an ISO-8601 instant");
        assertThat(cursor(id, "employees").path("watermark").isNull()).as("still set").isFalse();

        Page reset = alice.post("/console/connections/" + id + "/cursors/employees", Map.of("watermark", ""));
        assertThat(reset.status()).isEqualTo(302);
        assertThat(alice.get(reset.location().replaceFirst("^https?://[^/]+", "")).text())
                .contains("The watermark of employees is reset");
        assertThat(cursor(id, "employees").path("watermark").isNull()).isTrue();
    }

    @Test
    void anotherEngineerReadsTheConnectionWithNoButtonAndHisPostsAreRefused() {
        ConsoleClient alice = signedIn(ALICE);
        String id = "wiz-alices-" + NEXT.getAndIncrement();
        alice.get("/console/connections/new/avantage");
        assertThat(alice.post("/console/connections/new/avantage", avantageForm(id)).status()).isEqualTo(302);

        ConsoleClient bob = signedIn(BOB);
        Page page = bob.get("/console/connections/" + id + "?flow=employees");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Test the connection").doesNotContain("Reset the watermark")
                .doesNotContain(">Sync all<");
        assertThat(page.text()).contains("belongs to alice");

        Page test = bob.post("/console/connections/" + id + "/test");
        assertThat(test.status()).isEqualTo(403);
        assertThat(test.text()).contains("belongs to alice");
        Page reset = bob.post("/console/connections/" + id + "/cursors/employees", Map.of("watermark", ""));
        assertThat(reset.status()).isEqualTo(403);
        Page select = bob.post("/console/connections/" + id + "/companies", Map.of());
        assertThat(select.status()).isEqualTo(403);
    }

    @Test
    void anAddressThatNamesNoConsolePageIsAPageInWordsAndTheApisStaysAProblemDocument() {
        ConsoleClient alice = signedIn(ALICE);
        Page none = alice.get("/console/nothing-here");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.text()).contains("There is no such page in the console");
        assertThat(none.body()).doesNotContain("\"status\"");

        Response api404 = api.call("GET", "/api/nothing-here", ALICE, null);
        assertThat(api404.status()).isEqualTo(404);
        assertThat(api404.header("Content-Type")).startsWith("application/problem+json");
    }

    private String lastRun(String id, String flow) {
        Response runs = api.call("GET", "/api/runs?connection=" + id + "&flow=" + flow + "&limit=1", ALICE, null);
        JsonNode items = runs.node();
        return items.isEmpty() ? null : items.get(0).path("status").asText();
    }

    private JsonNode cursor(String id, String flow) {
        for (JsonNode cursor : api.call("GET", "/api/connections/" + id + "/cursors", ALICE, null).node()
                .path("items")) {
            if (cursor.path("flow").asText().equals(flow)) {
                return cursor;
            }
        }
        throw new AssertionError("no cursor " + flow);
    }
}
