package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.api.ApiTestSupport.Response;
import io.passerelle.bootstrap.ConnectionBootstrap;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.ScheduleRoutes;
import io.passerelle.sandbox.acumatica.AcumaticaSimulator;
import io.passerelle.sandbox.acumatica.EntityType;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sandbox.avantage.TimesheetLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole sandbox over HTTP: what went to an ERP before its connection was deleted is not sent again once the
 * connection is created again, by the API, and the bootstrap does not bring an archived connection back.
 * Every test leaves both sandbox connections live, as the bootstrap made them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"passerelle.avantage.greeting-timeout=1s", "passerelle.avantage.request-timeout=5s"})
@ActiveProfiles({"sandbox", "test"})
@ExtendWith(OutputCaptureExtension.class)
class HistoryOutlivesConnectionApiTest {

    private static final String ADMIN = ApiTestSupport.ADMIN;
    private static final String ACUMATICA = "sandbox-acumatica";
    private static final String AVANTAGE = "sandbox-avantage";
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ConnectionService connections;
    @Autowired
    ConnectionBootstrap bootstrap;
    @Autowired
    ScheduleRoutes schedules;
    @Autowired
    AcumaticaSimulator acumatica;
    @Autowired
    AvantageSimulator avantage;
    @Autowired
    JdbcTemplate jdbc;

    private ApiClient api;
    /** Each sandbox connection as created, with its credentials, to create it again. */
    private final Map<String, Map<String, Object>> documents = new LinkedHashMap<>();

    @BeforeEach
    void remember() {
        api = new ApiClient(port, json);
        for (String id : List.of(ACUMATICA, AVANTAGE)) {
            documents.put(id, document(id));
        }
    }

    @AfterEach
    void liveAgain() {
        acumatica.reset();
        avantage.faults().reset();
        documents.forEach((id, document) -> {
            if (!connections.exists(id)) {
                Response again = api.call("POST", "/api/connections", ADMIN, api.write(document));
                assertThat(again.status()).as(again.toString()).isEqualTo(201);
            }
        });
    }

    @Test
    void acceptedCommitmentsAreNotSentAgainWhenTheirConnectionIsDeletedAndCreatedAgain(CapturedOutput output) {
        ok(api.call("POST", "/api/connections/" + ACUMATICA + "/sync/all?wait=true", ADMIN));
        String reference = "SC-ARCH-" + NEXT.getAndIncrement();
        String item = created("/api/commitments", commitment(reference)).path("itemId").asText();
        ok(api.call("POST", "/api/approvals/" + item + "/accept", ADMIN));
        JsonNode first = ok(api.call("POST", "/api/connections/" + ACUMATICA + "/export/commitments?wait=true", ADMIN));
        assertThat(first.path("counts").path("accepted").asInt()).as(first.toString()).isEqualTo(1);
        assertThat(subcontracts(reference)).hasSize(1);
        long putsBefore = acumatica.requests("PUT", "Subcontract");
        String commitment = "/api/commitments/" + item.substring("commitment-".length());

        Response deleted = api.call("DELETE", "/api/connections/" + ACUMATICA, ADMIN);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.node().path("archived").asBoolean()).isTrue();
        assertThat(deleted.node().path("kept").path("exportItems").asLong()).isPositive();
        assertThat(deleted.node().path("kept").path("records").asLong()).isPositive();
        assertThat(ok(api.call("GET", commitment, ADMIN)).path("state").asText()).isEqualTo("EXPORTED");
        assertThat(api.call("POST", "/api/connections/" + ACUMATICA + "/export/commitments?wait=true", ADMIN).status())
                .as("an archived connection does not run").isEqualTo(404);

        // a restart's bootstrap leaves it archived
        assertThat(bootstrap.run()).contains(AVANTAGE).doesNotContain(ACUMATICA);
        assertThat(output.getAll()).contains("Bootstrap: connection " + ACUMATICA + " was archived on ")
                .contains("left alone");
        assertThat(api.call("GET", "/api/connections/" + ACUMATICA, ADMIN).status()).isEqualTo(404);

        Response again = api.call("POST", "/api/connections", ADMIN, api.write(documents.get(ACUMATICA)));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        JsonNode next = ok(api.call("POST", "/api/connections/" + ACUMATICA + "/export/commitments?wait=true", ADMIN));

        assertThat(next.path("counts").path("sent").asInt()).as(next.toString()).isZero();
        assertThat(acumatica.requests("PUT", "Subcontract")).as("nothing resent").isEqualTo(putsBefore);
        assertThat(subcontracts(reference)).as("one document, not two").hasSize(1);
        assertThat(ok(api.call("GET", commitment, ADMIN)).path("state").asText()).isEqualTo("EXPORTED");
    }

    @Test
    void exportedTimesheetLinesAreNotSentAgainWhenTheirConnectionIsDeletedAndCreatedAgain() {
        ok(api.call("POST", "/api/connections/" + AVANTAGE + "/sync/all?wait=true", ADMIN));
        ok(api.call("PUT", "/api/connections/" + AVANTAGE + "/maps/hourTypes", ADMIN,
                "{\"entries\":[{\"platformCode\":\"REG\",\"erpCode\":\"REG\",\"regular\":true}]}"));
        JsonNode sheet = created("/api/timesheets", timesheet());
        List<String> lineIds = new ArrayList<>();
        sheet.path("lines").forEach(line -> lineIds.add(line.path("lineId").asText()));
        JsonNode first = ok(api.call("POST", "/api/connections/" + AVANTAGE + "/export/timesheets?wait=true", ADMIN));
        assertThat(first.path("counts").path("accepted").asInt()).as(first.toString()).isEqualTo(2);
        long postsBefore = avantage.counters().requests("POST_TIMESHEETS");
        assertThat(schedules.routeIds(AVANTAGE)).isNotEmpty();

        Response deleted = api.call("DELETE", "/api/connections/" + AVANTAGE, ADMIN);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(schedules.routeIds(AVANTAGE)).as("its schedules stop").isEmpty();
        assertThat(lineStates(sheet)).containsOnly("ACCEPTED");

        Response again = api.call("POST", "/api/connections", ADMIN, api.write(documents.get(AVANTAGE)));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(schedules.routeIds(AVANTAGE)).as("and come back with it").hasSize(6);
        JsonNode next = ok(api.call("POST", "/api/connections/" + AVANTAGE + "/export/timesheets?wait=true", ADMIN));

        assertThat(next.path("counts").path("read").asInt()).as(next.toString()).isZero();
        assertThat(next.path("counts").path("sent").asInt()).isZero();
        assertThat(avantage.counters().requests("POST_TIMESHEETS")).as("nothing resent").isEqualTo(postsBefore);
        Map<String, Long> held = avantage.postedLines().stream()
                .collect(Collectors.groupingBy(TimesheetLine::lineId, Collectors.counting()));
        assertThat(lineIds).allSatisfy(id -> assertThat(held.get(id)).as("held " + id).isEqualTo(1L));
        assertThat(lineStates(sheet)).containsOnly("ACCEPTED");
    }

    @Test
    void aDeleteWhileASyncRunsIsAConflictAndTheRunFinishes() {
        avantage.faults().delayResponses(Duration.ofMillis(500));
        Response started = api.call("POST", "/api/connections/" + AVANTAGE + "/sync/hourTypes", ADMIN);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long runId = started.node().path("runId").asLong();

        Response busy = api.call("DELETE", "/api/connections/" + AVANTAGE, ADMIN);

        assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
        assertThat(busy.header("Content-Type")).startsWith("application/problem+json");
        assertThat(busy.node().path("detail").asText()).contains("cannot be deleted while a run of it is going")
                .contains("run " + runId);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !"RUNNING".equals(api.call("GET", "/api/runs/" + runId, ADMIN).node().path("status").asText()));
        assertThat(api.call("GET", "/api/runs/" + runId, ADMIN).node().path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(api.call("GET", "/api/connections/" + AVANTAGE, ADMIN).status()).isEqualTo(200);
    }

    /** What the old DELETE did under a running sync, done behind Passerelle's back: the run says it in words. */
    @Test
    void aConnectionRemovedUnderARunningSyncFailsTheRunInWordsWithoutSql() {
        Map<String, Object> doomed = new LinkedHashMap<>(documents.get(AVANTAGE));
        doomed.put("id", "doomed-avantage");
        doomed.put("company", Map.of("code", "DOOMED", "name", "Doomed inc."));
        doomed.put("schedules", Map.of());
        assertThat(api.call("POST", "/api/connections", ADMIN, api.write(doomed)).status()).isEqualTo(201);
        avantage.faults().delayResponses(Duration.ofMillis(300));
        long listsBefore = avantage.counters().requests("LIST");
        Response started = api.call("POST", "/api/connections/doomed-avantage/sync/trades", ADMIN);
        long runId = started.node().path("runId").asLong();
        // the run has read its target and asked for its first page: the row goes before the page is written
        await().atMost(Duration.ofSeconds(10)).until(() -> avantage.counters().requests("LIST") > listsBefore);
        jdbc.update("delete from connection where id = 'doomed-avantage'");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                !"RUNNING".equals(api.call("GET", "/api/runs/" + runId, ADMIN).node().path("status").asText()));
        JsonNode run = api.call("GET", "/api/runs/" + runId, ADMIN).node();
        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        assertThat(run.path("message").asText()).startsWith("database refused the write")
                .doesNotContainIgnoringCase("insert").doesNotContainIgnoringCase("remote_ref")
                .doesNotContain("SQL").doesNotContainIgnoringCase("constraint");
        JsonNode runs = api.call("GET", "/api/runs?limit=500", ADMIN).node();
        List<String> messages = new ArrayList<>();
        (runs.isArray() ? runs : runs.path("items")).forEach(r -> messages.add(r.path("message").asText("")));
        assertThat(messages).isNotEmpty().noneMatch(m -> m.contains("SQL") || m.toLowerCase().contains("insert into"));
    }

    // --- fixtures -------------------------------------------------------------------------------

    /** The connection as the API shows it, with its real credentials instead of "****". */
    private Map<String, Object> document(String id) {
        ObjectNode shown = (ObjectNode) ok(api.call("GET", "/api/connections/" + id, ADMIN));
        shown.remove(List.of("createdAt", "updatedAt"));
        Map<String, Object> document = json.convertValue(shown, Map.class);
        document.put("credentials", connections.get(id).credentials());
        return document;
    }

    private Map<String, Object> commitment(String reference) {
        String project = value(acumatica.documents(EntityType.Project).get(2), "ProjectID");
        String task = acumatica.documents(EntityType.ProjectTask).stream()
                .filter(t -> value(t, "ProjectID").equals(project)).map(t -> value(t, "ProjectTaskID"))
                .findFirst().orElseThrow();
        String vendor = acumatica.documents(EntityType.Vendor).stream().map(v -> value(v, "VendorID"))
                .filter(v -> v.length() > 3 && v.equals(v.strip())).findFirst().orElseThrow();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("projectTaskId", task);
        line.put("costCode", value(acumatica.documents(EntityType.CostCode).get(0), "CostCodeID"));
        line.put("description", "Coffrage");
        line.put("quantity", 10);
        line.put("unitCost", 1250.00);
        line.put("amount", 12500.00);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", "LAURENT");
        body.put("connection", ACUMATICA);
        body.put("type", "SUBCONTRACT");
        body.put("reference", reference);
        body.put("vendorId", vendor);
        body.put("projectId", project);
        body.put("description", "Coffrage, phase 1");
        body.put("date", "2026-11-16");
        body.put("lines", List.of(line));
        return body;
    }

    private Map<String, Object> timesheet() {
        int n = NEXT.getAndIncrement();
        String project = avantage.dataset().projects().get(5).number();
        String activity = avantage.dataset().activities(project).get(0).code();
        List<Map<String, Object>> lines = List.of(
                Map.of("date", "2026-11-16", "projectNumber", project, "activityCode", activity, "hours", 8.0),
                Map.of("date", "2026-11-17", "projectNumber", project, "activityCode", activity, "hours", 7.5));
        return Map.of("company", "BOREAL", "employeeNumber", avantage.dataset().employees().get(250 + n).number(),
                "status", "VALIDATED", "lines", lines);
    }

    private List<ObjectNode> subcontracts(String reference) {
        return acumatica.documents(EntityType.Subcontract).stream()
                .filter(d -> value(d, "SubcontractNbr").equals(reference)).toList();
    }

    private List<String> lineStates(JsonNode sheet) {
        List<String> states = new ArrayList<>();
        ok(api.call("GET", "/api/timesheets/" + sheet.path("id").asText(), ADMIN)).path("lines")
                .forEach(line -> states.add(line.path("export").path("state").asText()));
        return states;
    }

    private static String value(ObjectNode document, String field) {
        return document.path(field).path("value").asText();
    }

    private JsonNode created(String path, Map<String, Object> body) {
        Response created = api.call("POST", path, ADMIN, api.write(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.node();
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.node();
    }

}
