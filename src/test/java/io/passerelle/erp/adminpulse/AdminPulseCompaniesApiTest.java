package io.passerelle.erp.adminpulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.api.ApiClient;
import io.passerelle.api.ApiTestSupport;
import io.passerelle.sandbox.adminpulse.AdminPulseDataset;
import io.passerelle.sandbox.adminpulse.AdminPulseSimulator;
import io.passerelle.sandbox.adminpulse.AdminPulseSimulatorProperties;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The seed's office, through the API: every client company comes in with its board, duplicates and a missing general
 * assembly date are flagged, a director added by hand survives an import, and a company refreshed by its number shows
 * the board AdminPulse has now.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"sandbox", "test"})
class AdminPulseCompaniesApiTest {

    static final String ADMIN = "test-admin-token";
    static final String CONNECTION = "/api/connections/sandbox-adminpulse";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    AdminPulseSimulator simulator;

    private ApiClient api;

    @BeforeEach
    void imported() {
        api = new ApiClient(port, json);
        JsonNode run = ok(api.call("POST", CONNECTION + "/sync/companies?wait=true", ADMIN));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void everyClientCompanyComesWithItsBoardAndASecondRunChangesNothing() {
        JsonNode full = ok(api.call("POST", CONNECTION + "/sync/companies?wait=true&mode=full", ADMIN));
        int companies = simulator.dataset().relations(r -> r.path("type").asText().equals("company")).size();
        int persons = simulator.dataset().relations().size() - companies;
        assertThat(full.path("counts").path("read").asInt()).isEqualTo(companies + persons);
        assertThat(full.path("counts").path("skipped").asInt()).as("persons come as relations").isEqualTo(persons);
        assertThat(full.path("counts").path("unchanged").asInt()).isEqualTo(companies);
        assertThat(full.path("counts").path("created").asInt() + full.path("counts").path("updated").asInt()).isZero();

        JsonNode bakkerij = company("0712.345.678");
        assertThat(bakkerij.path("name").asText()).isEqualTo("Bakkerij Janssens");
        assertThat(bakkerij.path("generalAssemblyDate").asText()).isEqualTo("2026-06-09");
        assertThat(bakkerij.path("address").path("city").asText()).isEqualTo("Gent");
        assertThat(bakkerij.path("connections")).extracting(JsonNode::asText).containsExactly("sandbox-adminpulse");
        assertThat(roles(bakkerij)).containsExactlyInAnyOrder("DIRECTOR Jan Peeters", "SHAREHOLDER Jan Peeters",
                "SHAREHOLDER Hanne Janssens", "AUDITOR Van Dijck & Co Bedrijfsrevisoren BV");
        assertThat(checks(bakkerij)).containsKey("NUMBER_INVALID");

        JsonNode managed = company(number(AdminPulseDataset.MANAGEMENT_COMPANY_DIRECTED.get(0)));
        assertThat(managed.path("relations")).anySatisfy(r -> {
            assertThat(r.path("type").asText()).isEqualTo("COMPANY");
            assertThat(r.path("role").asText()).isEqualTo("DIRECTOR");
            assertThat(r.path("permanentRepresentative").asText()).isEqualTo("Raf Verbruggen");
        });
    }

    @Test
    void aPersonListedTwiceAndAMissingGeneralAssemblyDateAreFlagged() {
        JsonNode twice = company(number("APR00031"));
        Map<String, JsonNode> checks = checks(twice);
        assertThat(checks).containsKey("DUPLICATE_RELATION");
        assertThat(checks.get("DUPLICATE_RELATION").path("relations")).hasSize(2);
        assertThat(checks(company(number(AdminPulseDataset.MISSING_GENERAL_ASSEMBLY_DATE.get(0)))))
                .containsKey("GENERAL_ASSEMBLY_DATE_MISSING");
        assertThat(checks(company(number(AdminPulseDataset.SHARES_NOT_100.get(0))))).containsKey("SHARES_NOT_100");
    }

    @Test
    void aManualDirectorSurvivesAFullImportAndAnImportedRelationCannotBeDeletedByHand() {
        JsonNode company = company(number("APR00040"));
        long id = company.path("id").asLong();
        JsonNode manual = created(api.call("POST", "/api/companies/" + id + "/relations", ADMIN,
                "{\"role\":\"DIRECTOR\",\"type\":\"PERSON\",\"name\":\"Els Wouters\",\"firstName\":\"Els\","
                        + "\"lastName\":\"Wouters\",\"startDate\":\"2025-01-01\"}"));
        assertThat(manual.path("source").asText()).isEqualTo("MANUAL");

        ok(api.call("POST", CONNECTION + "/sync/companies?wait=true&mode=full", ADMIN));
        JsonNode after = ok(api.call("GET", "/api/companies/" + id, ADMIN));
        assertThat(after.path("relations")).anySatisfy(r -> {
            assertThat(r.path("name").asText()).isEqualTo("Els Wouters");
            assertThat(r.path("source").asText()).isEqualTo("MANUAL");
            assertThat(r.path("endDate").isNull()).isTrue();
        });
        JsonNode anImported = null;
        for (JsonNode relation : after.path("relations")) {
            if (relation.path("source").asText().equals("IMPORTED")) {
                anImported = relation;
            }
        }
        assertThat(anImported).as("the company has imported relations").isNotNull();
        ApiTestSupport.Response refused = api.call("DELETE", "/api/companies/" + id + "/relations/"
                + anImported.path("id").asLong(), ADMIN);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(api.call("DELETE", "/api/companies/" + id + "/relations/" + manual.path("id").asLong(), ADMIN).status())
                .isEqualTo(204);
    }

    @Test
    void whenADirectorLeavesAndAnotherJoinsARefreshByNumberShowsTheNewBoard() {
        JsonNode company = simulator.dataset().byUniqueIdentifier("APR00045");
        String companyId = company.path("id").asText();
        JsonNode leaving = null;
        for (JsonNode relation : company.path("linkedRelations")) {
            if (relation.path("role").asText().equals("director") && relation.path("endDate").isNull()) {
                leaving = relation;
            }
        }
        String leaver = leaving.path("name").asText();
        simulator.dataset().removeDirector(companyId, leaving.path("relationId").asText());
        simulator.dataset().addDirector(companyId, "Nina", "Claes", LocalDate.of(2026, 11, 20));
        try {
            String number = company.path("vatNumber").asText();
            String dotted = number.substring(0, 4) + "." + number.substring(4, 7) + "." + number.substring(7);
            JsonNode refresh = ok(api.call("POST", CONNECTION + "/sync/companies?wait=true&key=BE" + dotted, ADMIN));
            assertThat(refresh.path("status").asText()).as(refresh.toString()).isEqualTo("SUCCEEDED");
            assertThat(refresh.path("counts").path("read").asInt()).as("that company alone").isEqualTo(1);
            assertThat(refresh.path("counts").path("updated").asInt()).isEqualTo(1);

            JsonNode board = company(number);
            assertThat(board.path("relations")).anySatisfy(r -> {
                assertThat(r.path("name").asText()).isEqualTo("Nina Claes");
                assertThat(r.path("role").asText()).isEqualTo("DIRECTOR");
                assertThat(r.path("endDate").isNull()).isTrue();
            });
            assertThat(board.path("relations")).noneSatisfy(r -> {
                assertThat(r.path("name").asText()).isEqualTo(leaver);
                assertThat(r.path("role").asText()).isEqualTo("DIRECTOR");
                assertThat(r.path("endDate").isNull()).isTrue();
            });
            ApiTestSupport.Response bad = api.call("POST", CONNECTION + "/sync/companies?wait=true&key=12", ADMIN);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("\"field\":\"key\"");
        } finally {
            simulator.dataset().reset();
            ok(api.call("POST", CONNECTION + "/sync/companies?wait=true", ADMIN));
        }
    }

    @Test
    void aServerThatAnswers429EveryFewCallsStillGivesSucceededRuns() {
        AdminPulseSimulator busy = new AdminPulseSimulator(AdminPulseSimulatorProperties.defaults()
                .withTooManyRequestsEvery(2, Duration.ZERO)).start();
        try {
            created(api.call("POST", "/api/connections", ADMIN, """
                    {"id":"busy-adminpulse","company":{"code":"FIDU2","name":"Second office"},"erp":"adminpulse",
                     "endpoints":[{"name":"main","url":"%s","default":true}],
                     "credentials":{"apiToken":"%s"},"schedules":{},
                     "options":{"routes":{},"tokenExpiresOn":"%s"}}"""
                    .formatted(busy.url(), AdminPulseSimulatorProperties.DEMO_API_TOKEN,
                            LocalDate.now(ZoneOffset.UTC).plusYears(1))));
            for (int round = 0; round < 2; round++) {
                JsonNode run = ok(api.call("POST", "/api/connections/busy-adminpulse/sync/companies?wait=true", ADMIN));
                assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
            }
            assertThat(busy.counters().events(AdminPulseSimulator.TOO_MANY_REQUESTS)).isPositive();
            assertThat(company("0712.345.678").path("connections")).extracting(JsonNode::asText)
                    .as("one company, whichever office brings it").containsExactlyInAnyOrder("sandbox-adminpulse", "busy-adminpulse");
        } finally {
            api.call("DELETE", "/api/connections/busy-adminpulse", ADMIN);
            busy.stop();
        }
    }

    private String number(String uniqueIdentifier) {
        return simulator.dataset().byUniqueIdentifier(uniqueIdentifier).path("vatNumber").asText();
    }

    /** The platform company of that number, with its relations. */
    private JsonNode company(String number) {
        JsonNode found = ok(api.call("GET", "/api/companies?q=" + number, ADMIN)).path("items");
        assertThat(found).as(number).hasSize(1);
        return ok(api.call("GET", "/api/companies/" + found.get(0).path("id").asLong(), ADMIN));
    }

    private Map<String, JsonNode> checks(JsonNode company) {
        Map<String, JsonNode> byCode = new java.util.LinkedHashMap<>();
        ok(api.call("GET", "/api/companies/" + company.path("id").asLong() + "/checks", ADMIN)).path("items")
                .forEach(check -> byCode.put(check.path("code").asText(), check));
        return byCode;
    }

    private static List<String> roles(JsonNode company) {
        List<String> roles = new ArrayList<>();
        company.path("relations").forEach(r -> {
            if (r.path("endDate").isNull()) {
                roles.add(r.path("role").asText() + " " + r.path("name").asText());
            }
        });
        return roles;
    }

    private static JsonNode ok(ApiTestSupport.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response.node();
    }

    private static JsonNode created(ApiTestSupport.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.node();
    }
}
