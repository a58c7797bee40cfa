package io.passerelle.console;

import static io.passerelle.console.ConsolePagesContext.ADMIN;
import static io.passerelle.console.ConsolePagesContext.ENGINEER;
import static io.passerelle.console.ConsolePagesContext.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.api.ApiClient;
import io.passerelle.api.ApiTestSupport.Response;
import io.passerelle.console.ConsoleClient.Page;
import io.passerelle.run.RecordError;
import io.passerelle.run.RunFilter;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.adminpulse.AdminPulseSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Companies and Runs pages and a run's Retry over plain HTTP: each shows what the API lets the caller read, and
 * each action lets through exactly whom the API lets through, saying why not in words. The sandbox's AdminPulse
 * office brings the companies; runs with failed records are written to the run history as the engines write them.
 */
@ConsolePagesContext
class ConsolePagesAccessTest {

    private static final String ADMINPULSE = "sandbox-adminpulse";
    private static final String AVANTAGE = "sandbox-avantage";
    /** An AdminPulse client company with the same director twice, "Marie-Claire Dubois" and "…DUBOIS". */
    private static final String TWICE = "APR00031";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    AdminPulseSimulator adminPulse;
    @Autowired
    RunStore runs;

    private ApiClient api;

    @BeforeEach
    void companiesImported() {
        api = new ApiClient(port, json);
        JsonNode run = ok(api.call("POST", "/api/connections/" + ADMINPULSE + "/sync/companies?wait=true", ADMIN));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    }

    private ConsoleClient signedIn(String token) {
        return signedIn(token, "en");
    }

    private ConsoleClient signedIn(String token, String language) {
        ConsoleClient client = new ConsoleClient(port, language);
        Page answer = client.signIn(token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        return client;
    }

    @Test
    void theCompaniesPageSearchesAsTheApiDoesAndACompanyShowsItsFactsChecksRelationsAndConnections() {
        String number = adminPulse.dataset().byUniqueIdentifier(TWICE).path("vatNumber").asText();
        JsonNode listed = ok(api.call("GET", "/api/companies?q=" + number, ADMIN)).path("items");
        assertThat(listed).hasSize(1);
        long id = listed.get(0).path("id").asLong();
        String name = listed.get(0).path("name").asText();

        ConsoleClient engineer = signedIn(ENGINEER);
        Page found = engineer.get("/console/companies?q=" + number);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("href=\"/console/companies/" + id + "\"").contains(">Companies</a>");
        assertThat(found.text()).contains(name).contains(ADMINPULSE);
        assertThat(engineer.get("/console/companies?q=no-such-company-anywhere").text())
                .contains("No company matches.");

        Page company = engineer.get("/console/companies/" + id);
        assertThat(company.status()).isEqualTo(200);
        assertThat(company.text()).contains("Enterprise number").contains("ERP ids")
                .contains("Marie-Claire Dubois").contains("Marie-Claire DUBOIS").contains("Director")
                .contains("DUPLICATE_RELATION").contains("Warning").contains("listed twice")
                .contains("imported by " + ADMINPULSE);
        assertThat(company.body()).contains("href=\"/console/connections/" + ADMINPULSE + "\"")
                .contains(">Add relation</button>");
        JsonNode ownIds = ok(api.call("GET", "/api/connections/" + ADMINPULSE + "/companies", ADMIN)).path("items");
        for (JsonNode reached : ownIds) {
            if (reached.path("company").asLong() == id) {
                assertThat(company.text()).as("the ERP's id of it").contains(reached.path("erpCompanyId").asText());
            }
        }
    }

    @Test
    void anEngineerAddsAndDeletesAManualRelationWhichIsMarkedAndMakesTheImportedOnesItsDuplicates() {
        long id = companyId(TWICE);
        ConsoleClient engineer = signedIn(ENGINEER);
        engineer.get("/console/companies/" + id);

        Page added = engineer.post("/console/companies/" + id + "/relations", Map.of("role", "DIRECTOR",
                "type", "PERSON", "name", "Marie-Claire Dubois", "startDate", "2020-01-01"));
        assertThat(added.status()).as(added.toString()).isEqualTo(302);
        Page company = engineer.get("/console/companies/" + id);
        assertThat(company.text()).contains("Added the manual relation Marie-Claire Dubois.")
                .contains("✍ manual").contains("duplicate of Marie-Claire Dubois");
        assertThat(company.body()).contains("<span aria-hidden=\"true\">✍</span>");
        JsonNode manual = relation(id, "MANUAL");
        assertThat(manual).as("the API has it").isNotNull();

        Page invalid = engineer.post("/console/companies/" + id + "/relations", Map.of("role", "DIRECTOR",
                "type", "PERSON", "name", "Zoë Peeters", "sharePercent", "lots"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("Not added: sharePercent: must be a number");
        long imported = relation(id, "IMPORTED").path("id").asLong();
        Page kept = engineer.post("/console/companies/" + id + "/relations/" + imported + "/delete", Map.of());
        assertThat(kept.status()).isEqualTo(409);
        assertThat(kept.text()).contains("Not deleted: relation " + imported + " was imported");

        Page deleted = engineer.post("/console/companies/" + id + "/relations/" + manual.path("id").asLong()
                + "/delete", Map.of());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(302);
        assertThat(engineer.get("/console/companies/" + id).text()).contains("Deleted the manual relation")
                .doesNotContain("✍ manual");
        assertThat(relation(id, "MANUAL")).isNull();
    }

    @Test
    void aViewerSeesNoCompanyOfConnectionsClosedToItAndMayNotAddARelation() {
        long id = companyId(TWICE);
        ConsoleClient viewer = signedIn(VIEWER);
        assertThat(viewer.get("/console/companies").text()).contains("No company matches.");
        Page closed = viewer.get("/console/companies/" + id);
        assertThat(closed.status()).isEqualTo(403);
        assertThat(closed.text()).contains("is brought only by connections closed to test-viewer");

        viewer.get("/console/companies");
        Page refused = viewer.post("/console/companies/" + id + "/relations", Map.of("role", "DIRECTOR",
                "type", "PERSON", "name", "Viewer Was Here"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("the role of your token does not allow this");
        assertThat(relation(id, "MANUAL")).isNull();
    }

    @Test
    void theRunsPageFiltersTheHistoryAndShowsARunningRunsRecordsReadSoFarAndRefreshes() {
        String flow = "pages-progress";
        long running = runs.create(AVANTAGE, flow, "IN", Trigger.SCHEDULE, SyncMode.INCREMENTAL);
        runs.progress(running, Map.of("read", 120, "created", 100));
        long done = runs.create(AVANTAGE, flow, "IN", Trigger.API, SyncMode.INCREMENTAL);
        runs.finish(done, "SUCCEEDED", Map.of("read", 7, "created", 7), null);
        try {
            ConsoleClient viewer = signedIn(VIEWER);
            Page page = viewer.get("/console/runs?flow=" + flow);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains("Runs of every connection, newest first")
                    .contains("120 records read so far").contains("read 7 · created 7");
            assertThat(page.body()).contains("http-equiv=\"refresh\"")
                    .contains("href=\"/console/runs/" + running + "\"").contains("href=\"/console/runs/" + done + "\"");
            assertThat(page.body().indexOf("/console/runs/" + done + "\""))
                    .as("newest first").isLessThan(page.body().indexOf("/console/runs/" + running + "\""));

            Page byTrigger = viewer.get("/console/runs?flow=" + flow + "&trigger=api&status=SUCCEEDED");
            assertThat(byTrigger.body()).contains("/console/runs/" + done + "\"")
                    .doesNotContain("/console/runs/" + running + "\"").doesNotContain("http-equiv=\"refresh\"");
            Page wrong = viewer.get("/console/runs?status=WONDERFUL");
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.text()).contains("This filter cannot be used: status");
            assertThat(viewer.get("/console/runs?connection=" + AVANTAGE + "&flow=" + flow + "&before=" + done)
                    .body()).as("a page of older runs").contains("/console/runs/" + running + "\"")
                    .doesNotContain("/console/runs/" + done + "\"");
            assertThat(signedIn(VIEWER, "fr").get("/console/runs?flow=" + flow).text())
                    .contains("Exécutions").contains("Entreprises").contains("120 enregistrements lus jusqu’ici");

            ConsoleClient engineer = signedIn(ENGINEER);
            engineer.get("/console/runs/" + running);
            Page notFinished = engineer.post("/console/runs/" + running + "/retry", Map.of());
            assertThat(notFinished.status()).isEqualTo(409);
            assertThat(notFinished.text()).contains("can be retried once it has finished");
        } finally {
            runs.finish(running, "FAILED", Map.of("read", 120), "stopped by the test");
        }
    }

    @Test
    void anEngineerMayRetryAFailedRecordFromTheRunsPageAndAViewerMayNot() {
        long failed = runWithErrors(true);
        long rejected = runWithErrors(false);

        ConsoleClient viewer = signedIn(VIEWER);
        Page readOnly = viewer.get("/console/runs/" + failed);
        assertThat(readOnly.status()).isEqualTo(200);
        assertThat(readOnly.text()).contains("E-PAGES-RETRY").contains("PARTIAL");
        assertThat(readOnly.body()).doesNotContain(">Retry</button>");
        Page refused = viewer.post("/console/runs/" + failed + "/retry", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(retriesOf(failed)).as("nothing ran").isEmpty();

        ConsoleClient engineer = signedIn(ENGINEER);
        assertThat(engineer.get("/console/runs/" + rejected).body()).as("nothing it could retry")
                .doesNotContain(">Retry</button>");
        Page nothing = engineer.post("/console/runs/" + rejected + "/retry", Map.of());
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.text()).contains("Not retried: run " + rejected + " has no failed record that can be "
                + "retried");

        assertThat(engineer.get("/console/runs/" + failed).body()).contains(">Retry</button>");
        Page retried = engineer.post("/console/runs/" + failed + "/retry", Map.of());
        assertThat(retried.status()).as(retried.toString()).isEqualTo(302);
        List<RunView> retries = retriesOf(failed);
        assertThat(retries).hasSize(1);
        assertThat(retried.location()).endsWith("/console/runs/" + retries.get(0).id());
        Page retry = engineer.get("/console/runs/" + retries.get(0).id());
        assertThat(retry.text()).contains("Started run " + retries.get(0).id() + ", a retry of run " + failed)
                .contains("Retry of " + failed).contains("RETRY");
    }

    // --- fixtures -------------------------------------------------------------------------------

    /** A finished run of Avantage's employees with one failed record, retryable or a rejection. */
    private long runWithErrors(boolean retryable) {
        long run = runs.create(AVANTAGE, "employees", "IN", Trigger.SCHEDULE, SyncMode.INCREMENTAL);
        runs.addErrors(run, List.of(new RecordError("EMPLOYEE", retryable ? "E-PAGES-RETRY" : "E-PAGES-REJECTED",
                retryable ? "FAILED" : "INVALID", retryable ? "the ERP did not answer" : "email is not valid", null,
                retryable)));
        runs.finish(run, "PARTIAL", Map.of("read", 3, "created", 2, retryable ? "failed" : "rejected", 1), null);
        return run;
    }

    private List<RunView> retriesOf(long runId) {
        return runs.search(new RunFilter(AVANTAGE, "employees", null, "RETRY", null), null, 100).stream()
                .filter(run -> Long.valueOf(runId).equals(run.retryOf())).toList();
    }

    private long companyId(String uniqueIdentifier) {
        String number = adminPulse.dataset().byUniqueIdentifier(uniqueIdentifier).path("vatNumber").asText();
        JsonNode listed = ok(api.call("GET", "/api/companies?q=" + number, ADMIN)).path("items");
        assertThat(listed).hasSize(1);
        return listed.get(0).path("id").asLong();
    }

    /** The company's first relation of that source, as the API shows it; null when it has none. */
    private JsonNode relation(long companyId, String source) {
        for (JsonNode relation : ok(api.call("GET", "/api/companies/" + companyId, ADMIN)).path("relations")) {
            if (relation.path("source").asText().equals(source)) {
                return relation;
            }
        }
        return null;
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.node();
    }
}
