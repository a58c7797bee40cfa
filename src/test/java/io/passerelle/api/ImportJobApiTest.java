package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.api.ApiTestSupport.Response;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionService;
import io.passerelle.importjob.ImportJobSchedules;
import io.passerelle.importjob.ImportJobService;
import io.passerelle.run.RunningFlows;
import io.passerelle.sandbox.sevenoffice.SevenOfficeDataset;
import io.passerelle.sandbox.sevenoffice.SevenOfficeSimulator;
import io.passerelle.sandbox.sevenoffice.SevenOfficeSimulatorProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Import jobs over HTTP against the sandbox's simulators, run by the real launcher and engine: a line per company ×
 * flow, ranges that leave the cursors, the fields a bad job is refused for, who may see, change and run a job, and
 * schedules that follow the job and its connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.avantage.greeting-timeout=1s", "passerelle.avantage.request-timeout=5s",
        "passerelle.security.tokens[0].name=test-admin",
        "passerelle.security.tokens[0].role=ADMIN",
        "passerelle.security.tokens[0].sha256=17d6bfe05d1b1fb7bc499f8e3f639c7b3eda4c40f321eef8887a0c04c89a99c5",
        "passerelle.security.tokens[1].name=test-engineer",
        "passerelle.security.tokens[1].role=ENGINEER",
        "passerelle.security.tokens[1].sha256=3b0d06715723d6966a7f7e18a0f4825e56976f7cebd163438e9e5fe6830eb616",
        "passerelle.security.tokens[2].name=test-viewer",
        "passerelle.security.tokens[2].role=VIEWER",
        "passerelle.security.tokens[2].sha256=04afacc947b28c94e15578a9db68c1d1bf775b3ff82bc88e31d4465f26bc0b42",
        "passerelle.security.tokens[3].name=alice",
        "passerelle.security.tokens[3].role=ENGINEER",
        "passerelle.security.tokens[3].sha256=9c220f200955d76c0a38d308225e0ef10c5f971acaf2f8d1d8f732affa5bd1dc",
        "passerelle.security.tokens[4].name=bob",
        "passerelle.security.tokens[4].role=ENGINEER",
        "passerelle.security.tokens[4].sha256=97dd3707015dcf069cf73022ed7173b1165db6eff24b441cb57fd069a8c4e525",
})
@ActiveProfiles({"sandbox", "test"})
class ImportJobApiTest {

    private static final String ADMIN = ApiTestSupport.ADMIN;
    private static final String ENGINEER = ApiTestSupport.ENGINEER;
    private static final String VIEWER = ApiTestSupport.VIEWER;
    private static final String ALICE = ApiTestSupport.ALICE;
    private static final String BOB = ApiTestSupport.BOB;
    private static final String SEVEN = "sandbox-24sevenoffice";
    private static final String AVANTAGE = "sandbox-avantage";
    /** Each test's connection of alice is its own: an archived one stays in the database the tests share. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ConnectionService connections;
    @Autowired
    SevenOfficeSimulator sevenOffice;
    @Autowired
    ImportJobSchedules schedules;
    @Autowired
    CamelContext camel;
    @Autowired
    RunningFlows running;

    private ApiClient api;
    private String alices;

    /** The sandbox connections' own hourly schedules would run the same flows as the jobs now and then. */
    @BeforeEach
    void sandboxConnectionsRunOnlyWhatTheTestsRun() {
        api = new ApiClient(port, json);
        alices = "alice-24so-" + SEQUENCE.incrementAndGet();
        for (String id : List.of(SEVEN, AVANTAGE)) {
            Connection current = connections.get(id);
            if (!current.schedules().isEmpty()) {
                connections.update(id, withoutSchedules(current));
            }
        }
    }

    @AfterEach
    void jobsGoAndNothingIsLeftRunning() {
        for (JsonNode job : call("GET", "/api/import-jobs", ADMIN).node().path("items")) {
            call("DELETE", "/api/import-jobs/" + job.path("id").asLong(), ADMIN);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(call("GET", "/api/runs?status=RUNNING", ADMIN).node()).isEmpty());
        if (connections.exists(alices)) {
            call("DELETE", "/api/connections/" + alices, ADMIN);
        }
    }

    @Test
    void aJobOnAnOrganizationRunsAsOneLineNamingTheCompany() {
        Response created = call("POST", "/api/import-jobs", ADMIN, toJson(job("Fjordbygg customers", SEVEN,
                List.of("4711"), List.of("customers"), null, null)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode job = created.node();
        long id = job.path("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/import-jobs/" + id);
        assertThat(fields(job)).containsExactly("id", "name", "connection", "companies", "flows", "range", "schedule",
                "owner", "createdAt", "updatedAt", "lastRun");
        assertThat(job.path("name").asText()).isEqualTo("Fjordbygg customers");
        assertThat(job.path("connection").asText()).isEqualTo(SEVEN);
        assertThat(job.path("companies").toString()).isEqualTo("[\"4711\"]");
        assertThat(job.path("flows").toString()).isEqualTo("[\"customers\"]");
        assertThat(job.path("range").toString()).as("the default").isEqualTo("{\"kind\":\"INCREMENTAL\"}");
        assertThat(job.path("schedule").isNull()).isTrue();
        assertThat(job.path("owner").asText()).isEqualTo("test-admin");
        assertThat(job.path("lastRun").isNull()).isTrue();

        Response ran = call("POST", "/api/import-jobs/" + id + "/run?wait=true", ADMIN);

        assertThat(ran.status()).as(ran.toString()).isEqualTo(200);
        JsonNode run = ran.node();
        assertThat(fields(run)).containsExactly("id", "job", "trigger", "startedAt", "finishedAt", "status", "lines");
        assertThat(run.path("job").asLong()).isEqualTo(id);
        assertThat(run.path("trigger").asText()).isEqualTo("API");
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("finishedAt").isTextual()).isTrue();
        assertThat(run.path("lines")).singleElement().satisfies(line -> {
            assertThat(fields(line)).containsExactly("runId", "company", "flow", "status", "counts", "message", "errors",
                    "errorCount");
            assertThat(line.path("company").toString()).isEqualTo("{\"erpCompanyId\":\"4711\",\"name\":\"Fjordbygg AS\"}");
            assertThat(line.path("flow").asText()).isEqualTo("customers");
            assertThat(line.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(line.path("counts").path("read").asInt()).isPositive();
            assertThat(line.path("errors")).isEmpty();
            assertThat(line.path("errorCount").asInt()).isZero();
            JsonNode syncRun = call("GET", "/api/runs/" + line.path("runId").asLong(), ADMIN).node();
            assertThat(syncRun.path("trigger").asText()).isEqualTo("API");
            assertThat(syncRun.path("company").path("erpCompanyId").asText()).isEqualTo("4711");
        });
        long runId = run.path("id").asLong();

        JsonNode again = call("GET", "/api/import-jobs/" + id, ADMIN).node();
        assertThat(again.path("lastRun").toString()).isEqualTo("{\"id\":" + runId + ",\"trigger\":\"API\",\"startedAt\":"
                + run.path("startedAt") + ",\"finishedAt\":" + run.path("finishedAt") + ",\"status\":\"SUCCEEDED\"}");
        assertThat(call("GET", "/api/import-jobs/" + id + "/runs/" + runId, ADMIN).node()).isEqualTo(run);
        Response started = call("POST", "/api/import-jobs/" + id + "/run", ADMIN);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long second = started.node().path("importRunId").asLong();
        assertThat(started.node().path("runIds")).hasSize(1);
        assertThat(started.header("Location")).endsWith("/api/import-jobs/" + id + "/runs/" + second);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(call("GET", "/api/import-jobs/" + id
                + "/runs/" + second, ADMIN).node().path("status").asText()).isEqualTo("SUCCEEDED"));
        JsonNode runs = call("GET", "/api/import-jobs/" + id + "/runs", ADMIN).node().path("items");
        assertThat(runs).extracting(r -> r.path("id").asLong()).as("newest first").containsExactly(second, runId);
        assertThat(call("GET", "/api/import-jobs/" + id + "/runs?limit=1", ADMIN).node().path("items")).hasSize(1);
        assertThat(call("GET", "/api/import-jobs?connection=" + SEVEN, ADMIN).node().path("items"))
                .extracting(j -> j.path("id").asLong()).containsExactly(id);
        assertThat(call("GET", "/api/import-jobs?connection=" + AVANTAGE, ADMIN).node().path("items")).isEmpty();

        assertThat(call("DELETE", "/api/import-jobs/" + id, ADMIN).status()).isEqualTo(204);
        assertThat(call("GET", "/api/import-jobs/" + id, ADMIN).status()).isEqualTo(404);
        assertThat(call("GET", "/api/import-jobs/" + id + "/runs/" + runId, ADMIN).status()).isEqualTo(404);
        assertThat(call("GET", "/api/runs/" + run.path("lines").get(0).path("runId").asLong(), ADMIN).status())
                .as("its lines stay in the run history").isEqualTo(200);
    }

    @Test
    void aJobOfTwoFlowsHasALinePerFlowAndARangedRunLeavesTheCursors() {
        long id = created(job("Boréal people", AVANTAGE, null, List.of("employees", "trades"), null, null));

        JsonNode first = ok(call("POST", "/api/import-jobs/" + id + "/run?wait=true", ADMIN));
        assertThat(first.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(first.path("lines")).extracting(line -> line.path("flow").asText()).containsExactly("employees", "trades");
        assertThat(first.path("lines")).allSatisfy(line -> {
            assertThat(line.path("company").isNull()).as("the connection's own company").isTrue();
            assertThat(line.path("status").asText()).isEqualTo("SUCCEEDED");
        });
        JsonNode cursors = ok(call("GET", "/api/connections/" + AVANTAGE + "/cursors", ADMIN));

        Map<String, Object> lastDays = job("Boréal people", AVANTAGE, null, List.of("employees", "trades"),
                Map.of("kind", "LAST_DAYS", "days", 30), null);
        JsonNode changed = ok(call("PUT", "/api/import-jobs/" + id, ADMIN, toJson(lastDays)));
        assertThat(changed.path("range").toString()).isEqualTo("{\"kind\":\"LAST_DAYS\",\"days\":30}");
        assertThat(changed.path("lastRun").path("id").asLong()).isEqualTo(first.path("id").asLong());
        JsonNode ranged = ok(call("POST", "/api/import-jobs/" + id + "/run?wait=true", ADMIN));
        assertThat(ranged.path("lines")).hasSize(2).allSatisfy(line ->
                assertThat(line.path("status").asText()).isEqualTo("SUCCEEDED"));
        assertThat(ok(call("GET", "/api/connections/" + AVANTAGE + "/cursors", ADMIN))).as("left alone")
                .isEqualTo(cursors);

        Map<String, Object> between = job("Boréal people", AVANTAGE, null, List.of("employees"),
                Map.of("kind", "BETWEEN", "from", "2020-01-01", "to", "2020-01-31"), null);
        assertThat(ok(call("PUT", "/api/import-jobs/" + id, ADMIN, toJson(between))).path("range").toString())
                .isEqualTo("{\"kind\":\"BETWEEN\",\"from\":\"2020-01-01\",\"to\":\"2020-01-31\"}");
        JsonNode old = ok(call("POST", "/api/import-jobs/" + id + "/run?wait=true", ADMIN));
        assertThat(old.path("lines")).singleElement().satisfies(line -> {
            assertThat(line.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(line.path("counts").path("created").asInt() + line.path("counts").path("updated").asInt())
                    .isZero();
        });
        assertThat(ok(call("GET", "/api/connections/" + AVANTAGE + "/cursors", ADMIN))).isEqualTo(cursors);
    }

    @Test
    void aLineShowsItsFirstErrorsAndHowManyItHas() {
        List<ObjectNode> nameless = sevenOffice.dataset().customers(SevenOfficeDataset.FJORDBYGG,
                c -> !c.path("person").isObject() && c.path("name").isTextual()).subList(0, 7);
        long id = created(job("Fjordbygg customers", SEVEN, List.of("4711"), List.of("customers"), null, null));
        ok(call("POST", "/api/import-jobs/" + id + "/run?wait=true", ADMIN));
        nameless.forEach(c -> sevenOffice.dataset().modify(SevenOfficeDataset.FJORDBYGG, c.path("id").asLong(), "name",
                null));
        try {
            JsonNode run = ok(call("POST", "/api/import-jobs/" + id + "/run?wait=true", ADMIN));

            assertThat(run.path("status").asText()).isEqualTo("PARTIAL");
            JsonNode line = run.path("lines").get(0);
            assertThat(line.path("status").asText()).isEqualTo("PARTIAL");
            assertThat(line.path("errorCount").asInt()).isEqualTo(7);
            assertThat(line.path("errors")).hasSize(ImportJobService.ERRORS_SHOWN).allSatisfy(error -> {
                assertThat(fields(error)).containsExactly("entity", "remoteKey", "code", "message", "retryable");
                assertThat(error.path("message").asText()).contains("name");
            });
            assertThat(line.path("errors")).extracting(error -> error.path("remoteKey").asText()).containsExactlyElementsOf(
                    nameless.subList(0, ImportJobService.ERRORS_SHOWN).stream().map(c -> c.path("id").asText()).toList());
            assertThat(call("GET", "/api/runs/" + line.path("runId").asLong() + "/errors", ADMIN).node()).hasSize(7);
            assertThat(ok(call("GET", "/api/import-jobs/" + id, ADMIN)).path("lastRun").path("status").asText())
                    .isEqualTo("PARTIAL");
        } finally {
            nameless.forEach(c -> sevenOffice.dataset().modify(SevenOfficeDataset.FJORDBYGG, c.path("id").asLong(),
                    "name", c.path("name").asText()));
        }
    }

    @Test
    void aBadJobIsRefusedNamingEachFieldAndNothingIsStored() {
        Response bad = call("POST", "/api/import-jobs", ADMIN, toJson(job(" ", AVANTAGE, List.of("4711"),
                List.of("employees", "customers"), Map.of("kind", "LAST_DAYS"), "every night")));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.errorFields()).containsExactly("name", "companies[0]", "flows[1]", "range.days", "schedule");

        Response unknown = call("POST", "/api/import-jobs", ADMIN, toJson(job("x", "nobody", null, List.of("customers"),
                null, null)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("connection");
        assertThat(call("POST", "/api/import-jobs", ADMIN, "{\"name\": \"x\"}").errorFields())
                .containsExactly("connection", "flows");

        Response types = call("POST", "/api/import-jobs", ADMIN, "{\"name\": \"x\", \"connection\": \"" + AVANTAGE
                + "\", \"flows\": \"employees\", \"range\": {\"kind\": \"LAST_DAYS\", \"days\": \"ten\"}}");
        assertThat(types.status()).as(types.toString()).isEqualTo(400);
        assertThat(types.errorFields()).containsExactlyInAnyOrder("flows", "range.days");
        assertThat(call("POST", "/api/import-jobs", ADMIN, toJson(job("x", SEVEN, List.of("4799"), List.of("customers"),
                Map.of("kind", "BETWEEN", "from", "2026-03-31", "to", "2026-01-01"), null))).errorFields())
                .containsExactly("companies[0]", "range.to");
        assertThat(call("GET", "/api/import-jobs", ADMIN).node().path("items")).isEmpty();

        long id = created(job("Trades", AVANTAGE, null, List.of("trades"), null, null));
        Response moved = call("PUT", "/api/import-jobs/" + id, ADMIN, toJson(job("Trades", SEVEN, null,
                List.of("customers"), null, null)));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.errorFields()).containsExactly("connection", "flows[0]");
        assertThat(call("PUT", "/api/import-jobs/" + id, ADMIN, toJson(job("Trades", AVANTAGE, null, List.of("trades"),
                null, "0 0 2 * *"))).errorFields()).containsExactly("schedule");
        assertThat(call("PUT", "/api/import-jobs/" + (id + 1000), ADMIN, toJson(job("Trades", AVANTAGE, null,
                List.of("trades"), null, null))).status()).isEqualTo(404);
        assertThat(call("GET", "/api/import-jobs/abc", ADMIN).errorFields()).containsExactly("id");
        assertThat(call("GET", "/api/import-jobs/" + id + "/runs/999999", ADMIN).errorFields()).containsExactly("runId");
    }

    @Test
    void aRunIsRefusedWhileItsFlowIsImportedAndWhenNoneOfItsCompaniesIsSelected() {
        long id = created(job("Fjordbygg customers", SEVEN, List.of("4711"), List.of("customers"), null, null));
        running.claim(SEVEN, List.of("customers"));
        try {
            Response busy = call("POST", "/api/import-jobs/" + id + "/run?wait=true", ADMIN);
            assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
            assertThat(busy.errorFields()).containsExactly("flow");
            assertThat(call("POST", "/api/import-jobs/" + id + "/run", ADMIN).status()).isEqualTo(409);
        } finally {
            running.release(SEVEN, "customers");
        }
        assertThat(call("GET", "/api/import-jobs/" + id + "/runs", ADMIN).node().path("items"))
                .as("a refused run is no run").isEmpty();

        assertThat(call("PUT", "/api/connections/" + SEVEN + "/companies", ADMIN, "{\"selected\": []}").status())
                .isEqualTo(200);
        try {
            Response none = call("POST", "/api/import-jobs/" + id + "/run?wait=true", ADMIN);
            assertThat(none.status()).as(none.toString()).isEqualTo(422);
            assertThat(none.errorFields()).containsExactly("companies");
        } finally {
            call("PUT", "/api/connections/" + SEVEN + "/companies", ADMIN, "{\"selected\": [\"4711\"]}");
        }
        assertThat(call("POST", "/api/import-jobs/" + id + "/run?wait=true", ADMIN).status()).isEqualTo(200);
    }

    @Test
    void aJobIsItsConnectionsOnlyThoseWhoMayChangeItWriteOrRunItAndThoseWhoSeeItsCompaniesReadIt() {
        assertThat(call("POST", "/api/connections", ALICE, toJson(alicesConnection())).status()).isEqualTo(201);
        Map<String, Object> body = job("Alice's customers", alices, null, List.of("customers"), null, null);
        Response viewer = call("POST", "/api/import-jobs", VIEWER, toJson(body));
        assertThat(viewer.status()).isEqualTo(403);
        Response bobs = call("POST", "/api/import-jobs", BOB, toJson(body));
        assertThat(bobs.status()).as(bobs.toString()).isEqualTo(403);
        assertThat(bobs.errorFields()).containsExactly("connection");
        assertThat(bobs.node().path("detail").asText()).isEqualTo("connection " + alices + " belongs to alice: only "
                + "alice or an ADMIN may change it, unless alice allows others to edit it");
        assertThat(call("POST", "/api/import-jobs", ENGINEER, toJson(job("x", SEVEN, null, List.of("customers"), null,
                null))).status()).as("the sandbox's connections are closed to engineers").isEqualTo(403);

        Response created = call("POST", "/api/import-jobs", ALICE, toJson(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.node().path("owner").asText()).isEqualTo("alice");
        long id = created.node().path("id").asLong();
        String path = "/api/import-jobs/" + id;

        List<Response> refused = new ArrayList<>();
        refused.add(call("GET", path, BOB));
        refused.add(call("GET", path + "/runs", BOB));
        refused.add(call("PUT", path, BOB, toJson(body)));
        refused.add(call("DELETE", path, BOB));
        refused.add(call("POST", path + "/run", BOB));
        refused.add(call("GET", path, VIEWER));
        for (Response answer : refused) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.errorFields()).containsExactly("id");
            assertThat(answer.node().path("detail").asText()).startsWith("connection " + alices + " belongs to alice");
        }
        for (String token : List.of(BOB, VIEWER)) {
            assertThat(call("GET", "/api/import-jobs", token).node().path("items")).as(token).isEmpty();
        }
        assertThat(call("PUT", path, VIEWER, toJson(body)).status()).isEqualTo(403);
        for (String token : List.of(ALICE, ADMIN)) {
            assertThat(call("GET", "/api/import-jobs", token).node().path("items"))
                    .extracting(j -> j.path("id").asLong()).as(token).containsExactly(id);
            assertThat(call("GET", path, token).status()).isEqualTo(200);
        }
        JsonNode run = ok(call("POST", path + "/run?wait=true", ALICE));
        assertThat(run.path("lines")).singleElement().satisfies(line -> {
            assertThat(line.path("status").asText()).as(line.toString()).isEqualTo("SUCCEEDED");
            assertThat(line.path("company").path("erpCompanyId").asText()).isEqualTo("4712");
        });

        // opened by its owner, the connection's jobs are every engineer's to run and every token's to read
        Map<String, Object> open = asItIsNow(alicesConnection());
        open.put("allowOthersToEdit", true);
        assertThat(call("PUT", "/api/connections/" + alices, ALICE, toJson(open)).status()).isEqualTo(200);
        assertThat(call("GET", path, VIEWER).status()).isEqualTo(200);
        assertThat(call("GET", "/api/import-jobs", VIEWER).node().path("items")).hasSize(1);
        assertThat(call("POST", path + "/run", VIEWER).status()).isEqualTo(403);
        Map<String, Object> renamed = new LinkedHashMap<>(body);
        renamed.put("name", "Bob's now");
        JsonNode bobsChange = ok(call("PUT", path, BOB, toJson(renamed)));
        assertThat(bobsChange.path("name").asText()).isEqualTo("Bob's now");
        assertThat(bobsChange.path("owner").asText()).as("a change keeps the owner").isEqualTo("alice");
        assertThat(call("DELETE", path, BOB).status()).isEqualTo(204);
    }

    @Test
    void aScheduledJobRunsItsRouteFollowsTheJobAndGoesWithItsConnection() {
        long id = created(job("Every second", SEVEN, List.of("4711"), List.of("customers"), null, "* * * * * ?"));
        String route = ImportJobSchedules.routeId(id);
        assertThat(camel.getRoute(route)).isNotNull();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(call("GET", "/api/import-jobs/" + id
                + "/runs", ADMIN).node().path("items")).anySatisfy(run -> {
                    assertThat(run.path("trigger").asText()).isEqualTo("SCHEDULE");
                    assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
                    assertThat(run.path("lines").path(0).path("company").path("erpCompanyId").asText()).isEqualTo("4711");
                }));

        ok(call("PUT", "/api/import-jobs/" + id, ADMIN, toJson(job("By hand", SEVEN, List.of("4711"),
                List.of("customers"), null, null))));
        assertThat(camel.getRoute(route)).as("no schedule, no route").isNull();
        ok(call("PUT", "/api/import-jobs/" + id, ADMIN, toJson(job("Nightly", SEVEN, List.of("4711"),
                List.of("customers"), null, "0 0 2 * * ?"))));
        assertThat(camel.getRoute(route)).isNotNull();
        assertThat(call("DELETE", "/api/import-jobs/" + id, ADMIN).status()).isEqualTo(204);
        assertThat(camel.getRoute(route)).isNull();
        assertThat(schedules.scheduledJobs()).doesNotContain(id);

        // a connection with history is archived: its jobs stop and are not shown until it is created again
        assertThat(call("POST", "/api/connections", ALICE, toJson(alicesConnection())).status()).isEqualTo(201);
        long alicesJob = created(ALICE, job("Alice nightly", alices, null, List.of("customers"), null, "0 0 3 * * ?"));
        ok(call("POST", "/api/import-jobs/" + alicesJob + "/run?wait=true", ALICE));
        assertThat(camel.getRoute(ImportJobSchedules.routeId(alicesJob))).isNotNull();
        Map<String, Object> again = asItIsNow(alicesConnection());
        assertThat(call("DELETE", "/api/connections/" + alices, ALICE).status()).as("archived").isEqualTo(200);
        assertThat(camel.getRoute(ImportJobSchedules.routeId(alicesJob))).isNull();
        assertThat(call("GET", "/api/import-jobs/" + alicesJob, ADMIN).status()).isEqualTo(404);
        assertThat(call("GET", "/api/import-jobs", ADMIN).node().path("items")).isEmpty();
        assertThat(call("POST", "/api/import-jobs/" + alicesJob + "/run", ADMIN).status()).isEqualTo(404);

        Response recreated = call("POST", "/api/connections", ALICE, toJson(again));
        assertThat(recreated.status()).as(recreated.toString()).isEqualTo(201);
        assertThat(camel.getRoute(ImportJobSchedules.routeId(alicesJob))).as("back with its connection").isNotNull();
        JsonNode back = ok(call("GET", "/api/import-jobs/" + alicesJob, ALICE));
        assertThat(back.path("lastRun").path("status").asText()).isEqualTo("SUCCEEDED");
    }

    // --- fixtures ------------------------------------------------------------------------------

    private static Map<String, Object> job(String name, String connection, List<String> companies, List<String> flows,
            Map<String, Object> range, String schedule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("connection", connection);
        body.put("companies", companies);
        body.put("flows", flows);
        if (range != null) {
            body.put("range", range);
        }
        body.put("schedule", schedule);
        return body;
    }

    /** Alice's own connection to the 24SevenOffice simulator, reaching organization 4712. */
    private Map<String, Object> alicesConnection() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", alices);
        body.put("company", Map.of("code", "ALICE24", "name", "Alice's 24SevenOffice client"));
        body.put("erp", "24sevenoffice");
        body.put("endpoints", List.of(Map.of("name", "main", "url", sevenOffice.apiUrl(), "default", true)));
        body.put("credentials", Map.of("clientId", SevenOfficeSimulatorProperties.CLIENT_A,
                "clientSecret", SevenOfficeSimulatorProperties.SECRET_A));
        body.put("options", Map.of("organizations", List.of(4712), "tokenUrl", sevenOffice.tokenUrl()));
        return body;
    }

    /**
     * The document with the company the connection is of now: once it has reached its organization, a connection that
     * reaches several is that organization's company rather than the one its document named.
     */
    private Map<String, Object> asItIsNow(Map<String, Object> document) {
        JsonNode company = ok(call("GET", "/api/connections/" + alices, ADMIN)).path("company");
        document.put("company", Map.of("code", company.path("code").asText(), "name", company.path("name").asText()));
        return document;
    }

    private long created(Map<String, Object> body) {
        return created(ADMIN, body);
    }

    private long created(String token, Map<String, Object> body) {
        Response created = call("POST", "/api/import-jobs", token, toJson(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.node().path("id").asLong();
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.node();
    }

    private Response call(String method, String path, String token) {
        return api.call(method, path, token);
    }

    private Response call(String method, String path, String token, String body) {
        return api.call(method, path, token, body);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ConnectionDocument withoutSchedules(Connection current) {
        return new ConnectionDocument(current.id(),
                new ConnectionDocument.CompanyDocument(current.company().code(), current.company().name()),
                current.erp(),
                current.endpoints().stream()
                        .map(e -> new ConnectionDocument.EndpointDocument(e.name(), e.url(), e.isDefault())).toList(),
                current.credentials().keySet().stream().collect(Collectors.toMap(key -> key, key -> "****")),
                Map.of(), current.options(), current.owner(), current.allowOthersToEdit());
    }
}
