package io.passerelle.erp.sevenoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.SandboxApiTest;
import io.passerelle.api.ApiClient;
import io.passerelle.api.ApiTestSupport.Response;
import io.passerelle.sandbox.sevenoffice.SevenOfficeDataset;
import io.passerelle.sandbox.sevenoffice.SevenOfficeSimulator;
import io.passerelle.sandbox.sevenoffice.SevenOfficeSimulatorProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seed 003 through the API: two users (alice and bob, two ENGINEERs with their own 24SevenOffice API clients) connect
 * to the same organization and get one company, its customers stored once; only one import of it runs at a time; an
 * organization that is not selected imports nothing; the owner's switch opens the connection to the other.
 */
@SandboxApiTest
class SevenOfficeCompaniesApiTest {

    static final String ADMIN = "test-admin-token";
    static final String ALICE = "alice-token";
    static final String BOB = "bob-token";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    SevenOfficeSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;

    private ApiClient api;
    private final List<String> made = new ArrayList<>();

    @BeforeEach
    void client() {
        api = new ApiClient(port, json);
    }

    @AfterEach
    void removeConnections() {
        simulator.reset();
        made.forEach(id -> api.call("DELETE", "/api/connections/" + id, ADMIN));
        made.clear();
    }

    @Test
    void twoUsersConnectingTheSameOrganizationGetOneCompanyWithItsCustomersStoredOnce() {
        create(ALICE, "so-alice", "FJORD-ALICE", SevenOfficeSimulatorProperties.CLIENT_A,
                SevenOfficeSimulatorProperties.SECRET_A, List.of(4711));
        create(BOB, "so-bob", "FJORD-BOB", SevenOfficeSimulatorProperties.CLIENT_B,
                SevenOfficeSimulatorProperties.SECRET_B, List.of(4711));
        int held = simulator.dataset().customers(SevenOfficeDataset.FJORDBYGG).size();
        assertThat(held).isEqualTo(230);

        simulator.faults().tooManyRequestsEvery(3, Duration.ZERO);
        JsonNode alices = ok(api.call("POST", "/api/connections/so-alice/sync/customers?wait=true", ALICE));
        JsonNode bobs = ok(api.call("POST", "/api/connections/so-bob/sync/customers?wait=true&mode=full", BOB));
        for (JsonNode run : List.of(alices, bobs)) {
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
            assertThat(run.path("counts").path("read").asInt()).isEqualTo(held);
            assertThat(run.path("company").path("erpCompanyId").asText()).isEqualTo("4711");
            assertThat(run.path("company").path("name").asText()).isEqualTo("Fjordbygg AS");
        }
        assertThat(bobs.path("counts").path("created").asInt()).as("alice's customers, linked").isZero();

        JsonNode alicesCompany = onlyCompany("so-alice", ALICE);
        JsonNode bobsCompany = onlyCompany("so-bob", BOB);
        assertThat(alicesCompany.path("erpCompanyId").asText()).isEqualTo("4711");
        assertThat(alicesCompany.path("name").asText()).isEqualTo("Fjordbygg AS");
        assertThat(alicesCompany.path("number").asText()).isEqualTo("916873425");
        assertThat(alicesCompany.path("selected").asBoolean()).isTrue();
        long company = alicesCompany.path("company").asLong();
        assertThat(bobsCompany.path("company").asLong()).as("one company for both").isEqualTo(company);

        JsonNode listed = ok(api.call("GET", "/api/companies?q=Fjordbygg", BOB));
        assertThat(listed.path("items")).as("bob sees one Fjordbygg, not his own beside alice's").singleElement()
                .satisfies(item -> {
                    assertThat(item.path("id").asLong()).isEqualTo(company);
                    assertThat(texts(item.path("connections"))).contains("so-alice", "so-bob");
                });
        assertThat(ok(api.call("GET", "/api/companies?q=916%20873%20425", BOB)).path("items"))
                .as("found by its organisation number, spaced").singleElement()
                .satisfies(item -> assertThat(item.path("id").asLong()).isEqualTo(company));
        assertThat(ok(api.call("GET", "/api/connections/so-bob", BOB)).path("company").path("name").asText())
                .isEqualTo("Fjordbygg AS");

        JsonNode customers = ok(api.call("GET", "/api/companies/" + company + "/records/customers?limit=1000", ADMIN));
        Set<Long> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        customers.path("items").forEach(item -> {
            ids.add(item.path("id").asLong());
            keys.add(item.path("remoteKey").asText());
        });
        assertThat(customers.path("items").size()).isEqualTo(held);
        assertThat(ids).hasSize(held);
        assertThat(keys).hasSize(held);
        assertThat(jdbc.queryForObject("select count(*) from customer where company_id = ?", Integer.class, company))
                .as("stored once").isEqualTo(held);
        assertThat(ok(api.call("GET", "/api/connections/so-bob/records/customers?q=Bjørnstad", BOB)).path("items"))
                .isNotEmpty();
    }

    @Test
    void theSecondImportOfACompanyWhileTheFirstRunsIsAConflictWhicheverConnectionAsks() {
        create(ALICE, "so-alice-busy", "FJORD-A2", SevenOfficeSimulatorProperties.CLIENT_A,
                SevenOfficeSimulatorProperties.SECRET_A, List.of(4711));
        create(BOB, "so-bob-busy", "FJORD-B2", SevenOfficeSimulatorProperties.CLIENT_B,
                SevenOfficeSimulatorProperties.SECRET_B, List.of(4711));
        ok(api.call("GET", "/api/connections/so-bob-busy/companies", BOB)); // bob's connection knows the organization

        simulator.faults().delayAll(Duration.ofMillis(300));
        Response started = api.call("POST", "/api/connections/so-alice-busy/sync/customers?mode=full", ALICE);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long runId = started.node().path("runId").asLong();

        Response second = api.call("POST", "/api/connections/so-bob-busy/sync/customers", BOB);
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.node().path("detail").asText()).contains("Fjordbygg AS (4711)")
                .contains("is being imported by a run of connection 'so-alice-busy'");

        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(
                api.call("GET", "/api/runs/" + runId, ADMIN).node().path("status").asText()));
        simulator.faults().reset();
        JsonNode after = ok(api.call("POST", "/api/connections/so-bob-busy/sync/customers?wait=true", BOB));
        assertThat(after.path("status").asText()).as("once the first has ended").isEqualTo("SUCCEEDED");
    }

    @Test
    void anOrganizationThatIsNotSelectedImportsNothing() {
        create(ALICE, "so-alice-two", "FJORD-A3", SevenOfficeSimulatorProperties.CLIENT_A,
                SevenOfficeSimulatorProperties.SECRET_A, List.of(4711, 4712));
        JsonNode companies = ok(api.call("GET", "/api/connections/so-alice-two/companies", ALICE));
        assertThat(companies.path("items")).hasSize(2).allSatisfy(c -> assertThat(c.path("selected").asBoolean()).isTrue());
        Map<String, String> names = new LinkedHashMap<>();
        companies.path("items").forEach(c -> names.put(c.path("erpCompanyId").asText(), c.path("name").asText()));
        assertThat(names).containsEntry("4711", "Fjordbygg AS").containsEntry("4712", "Havbris Eiendom AS");

        JsonNode selected = ok(api.call("PUT", "/api/connections/so-alice-two/companies", ALICE, "{\"selected\":[\"4712\"]}"));
        assertThat(selected.path("items")).anySatisfy(c -> {
            assertThat(c.path("erpCompanyId").asText()).isEqualTo("4711");
            assertThat(c.path("selected").asBoolean()).isFalse();
        });

        JsonNode run = ok(api.call("POST", "/api/connections/so-alice-two/sync/customers?wait=true", ALICE));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("company").path("erpCompanyId").asText()).as("one run: 4712's").isEqualTo("4712");
        assertThat(run.path("counts").path("read").asInt())
                .isEqualTo(simulator.dataset().customers(SevenOfficeDataset.HAVBRIS).size());
        assertThat(jdbc.queryForObject("select count(*) from remote_ref r join connection_company l on l.connection_id ="
                + " r.connection_id and l.company_id = r.company_id where r.connection_id = 'so-alice-two' and"
                + " l.erp_company_id = '4711'", Integer.class)).as("nothing of 4711").isZero();
        JsonNode runs = ok(api.call("GET", "/api/runs?connection=so-alice-two", ALICE));
        assertThat(runs.path("items").size() > 0 ? runs.path("items") : runs).allSatisfy(r ->
                assertThat(r.path("company").path("erpCompanyId").asText()).isEqualTo("4712"));

        ok(api.call("PUT", "/api/connections/so-alice-two/companies", ALICE, "{\"selected\":[]}"));
        Response none = api.call("POST", "/api/connections/so-alice-two/sync/customers?wait=true", ALICE);
        assertThat(none.status()).as(none.body()).isEqualTo(422);
        assertThat(none.node().path("detail").asText()).contains("has no selected company to import");
    }

    @Test
    void anotherEngineerIsRefusedTheOwnersConnectionAndItsCompaniesUntilTheSwitchIsOn() {
        Map<String, Object> body = create(ALICE, "so-alice-closed", "FJORD-A4", SevenOfficeSimulatorProperties.CLIENT_B,
                SevenOfficeSimulatorProperties.SECRET_B, List.of(4711));
        for (String call : List.of("GET /api/connections/so-alice-closed/companies",
                "POST /api/connections/so-alice-closed/sync/customers?wait=true",
                "GET /api/connections/so-alice-closed/records/customers")) {
            String[] parts = call.split(" ");
            Response refused = api.call(parts[0], parts[1], BOB);
            assertThat(refused.status()).as(call).isEqualTo(403);
            assertThat(refused.node().path("detail").asText()).as(call).contains("belongs to alice");
        }

        body.put("allowOthersToEdit", true);
        Response opened = api.call("PUT", "/api/connections/so-alice-closed", ALICE, write(body));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.node().path("warnings").toString()).contains("see all its companies");
        assertThat(api.call("GET", "/api/connections/so-alice-closed/companies", BOB).status()).isEqualTo(200);
        JsonNode run = ok(api.call("POST", "/api/connections/so-alice-closed/sync/customers?wait=true", BOB));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aDeletedConnectionIsCreatedAgainFromItsOwnDocumentAndFindsItsCompany() {
        Map<String, Object> body = create(ALICE, "so-alice-again", "FJORD-A5", SevenOfficeSimulatorProperties.CLIENT_B,
                SevenOfficeSimulatorProperties.SECRET_B, List.of(4711));
        JsonNode run = ok(api.call("POST", "/api/connections/so-alice-again/sync/customers?wait=true", ALICE));
        long company = run.path("company").path("id").asLong();
        assertThat(api.call("DELETE", "/api/connections/so-alice-again", ALICE).status()).as("archived").isEqualTo(200);

        // archived with its history, and now of its organization's company: the document that made it makes it again
        Response again = api.call("POST", "/api/connections", ALICE, write(body));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(onlyCompany("so-alice-again", ALICE).path("company").asLong()).isEqualTo(company);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Map<String, Object> create(String token, String id, String code, String clientId, String secret,
            List<Integer> organizations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("company", Map.of("code", code, "name", "Fjordbygg"));
        body.put("erp", "24sevenoffice");
        body.put("endpoints", List.of(Map.of("name", "main", "url", simulator.apiUrl(), "default", true)));
        body.put("credentials", Map.of("clientId", clientId, "clientSecret", secret));
        body.put("options", Map.of("organizations", organizations, "tokenUrl", simulator.tokenUrl()));
        Response created = api.call("POST", "/api/connections", token, write(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        made.add(id);
        return body;
    }

    private JsonNode onlyCompany(String connection, String token) {
        JsonNode items = ok(api.call("GET", "/api/connections/" + connection + "/companies", token)).path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.node();
    }
}
