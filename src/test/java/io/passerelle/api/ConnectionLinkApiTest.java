package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.api.ApiTestSupport.Response;
import io.passerelle.connection.ScheduleRoutes;
import io.passerelle.ops.ConnectionRunsHealthIndicator;
import io.passerelle.run.RunHistory;
import io.passerelle.sync.SyncRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The link of a connection whose ERP links it to one company of its own (Abacus: an AmID and a mandant), through
 * the API, with a test ERP ({@link LinkableTestErp}) and the real launchers, engines and schedules: every test and
 * run says whether the link holds; an unlinked connection runs nothing, API or schedule, until it is linked again;
 * a change of what the link names or reaches it with resets it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ConnectionLinkApiTest.TestErp.class, ChangeRecorder.class})
class ConnectionLinkApiTest {

    private static final String ADMIN = ApiTestSupport.ADMIN;
    private static final String ERP = LinkableTestErp.ERP;
    private static final String REFUSED = "the mandant refused the client: ask its administrator to allow it";
    private static final Path ROUTES = routesWithTheTestErpsFiles();

    @TestConfiguration(proxyBeanMethods = false)
    static class TestErp {
        @Bean
        LinkableTestErp linkableTestErp() {
            return new LinkableTestErp();
        }
    }

    @DynamicPropertySource
    static void routesFolder(DynamicPropertyRegistry registry) {
        registry.add("passerelle.routes.dir", ROUTES::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    LinkableTestErp erp;
    @Autowired
    ScheduleRoutes schedules;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    RunHistory runs;
    @Autowired
    ChangeRecorder changes;
    @Autowired
    ConnectionRunsHealthIndicator health;

    @AfterEach
    void reachable() {
        erp.answers.reset();
    }

    @Test
    void theErpsListSaysWhichOptionsAreRequiredAndInWhatForm() {
        JsonNode items = ok(call("GET", "/api/erps", null)).path("items");
        Map<String, JsonNode> options = new LinkedHashMap<>();
        items.forEach(item -> {
            if (item.path("erp").asText().equals(ERP)) {
                item.path("options").forEach(option -> options.put(option.path("name").asText(), option));
            }
        });
        assertThat(options.get("mandant").path("required").asBoolean()).isTrue();
        assertThat(options.get("mandant").path("pattern").asText()).isEqualTo("[0-9]{1,9}");
        assertThat(options.get("mandant").path("patternDescription").asText()).isEqualTo("a number, e.g. 7777");
        assertThat(options.get("amId").path("required").asBoolean()).isTrue();
        assertThat(options.get("routes").path("required").asBoolean()).isFalse();
    }

    @Test
    void aConnectionWithoutItsRequiredOptionsOrWithAMalformedOneIsRefusedNamingThem() {
        Map<String, Object> body = payload("link-options");
        body.put("options", Map.of("amId", " "));
        Response missing = call("POST", "/api/connections", toJson(body));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(errors(missing)).containsEntry("options.mandant", "required").containsEntry("options.amId", "required");

        body.put("options", Map.of("amId", "AM-1", "mandant", "77x"));
        Response malformed = call("POST", "/api/connections", toJson(body));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(errors(malformed)).containsExactly(Map.entry("options.mandant", "must be a number, e.g. 7777"));
        assertThat(call("GET", "/api/connections/link-options", null).status()).isEqualTo(404);
    }

    @Test
    void aLinkableConnectionShowsItsLinkAndOthersShowNone() {
        create("link-shown");
        create(avantage("link-none"));

        JsonNode link = get("link-shown").path("link");
        assertThat(fields(link)).containsExactly("status", "amId", "mandant", "message", "checkedAt");
        assertThat(link.path("status").asText()).isEqualTo("NOT_LINKED");
        assertThat(link.path("amId").asText()).isEqualTo("AM-4711");
        assertThat(link.path("mandant").asInt()).isEqualTo(7777);
        assertThat(link.path("message").isNull()).isTrue();
        assertThat(link.path("checkedAt").isNull()).isTrue();
        assertThat(get("link-none").has("link")).isFalse();

        Map<String, JsonNode> listed = new LinkedHashMap<>();
        ok(call("GET", "/api/connections", null)).forEach(c -> listed.put(c.path("id").asText(), c));
        assertThat(listed.get("link-shown").path("link").path("status").asText()).isEqualTo("NOT_LINKED");
        assertThat(listed.get("link-none").has("link")).isFalse();
    }

    @Test
    void aTestLinksTheConnectionOrSaysWhyNot() {
        create("link-tested");

        JsonNode reached = ok(call("POST", "/api/connections/link-tested/test", null));
        assertThat(reached.path("ok").asBoolean()).isTrue();
        JsonNode linked = get("link-tested").path("link");
        assertThat(linked.path("status").asText()).isEqualTo("LINKED");
        assertThat(linked.path("message").asText()).isEqualTo("mandant 7777 reached");
        assertThat(linked.path("checkedAt").asText()).endsWith("Z");

        erp.answers.refusal = REFUSED;
        assertThat(ok(call("POST", "/api/connections/link-tested/test", null)).path("ok").asBoolean()).isFalse();
        JsonNode failed = get("link-tested").path("link");
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("message").asText()).isEqualTo(REFUSED);
    }

    @Test
    void everySyncAndExportRunSaysWhetherTheLinkHolds() {
        create("link-runs");

        JsonNode run = ok(call("POST", "/api/connections/link-runs/sync/employees?wait=true", null));
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode linked = get("link-runs").path("link");
        assertThat(linked.path("status").asText()).isEqualTo("LINKED");
        assertThat(linked.path("message").asText()).isEqualTo("run " + run.path("id").asLong() + " of employees SUCCEEDED");

        erp.answers.openFailure = new IllegalStateException("the disk is full");
        assertThat(ok(call("POST", "/api/connections/link-runs/sync/employees?wait=true", null)).path("status").asText())
                .isEqualTo("FAILED");
        assertThat(get("link-runs").path("link")).as("a failure that is not the link's leaves it").isEqualTo(linked);

        erp.answers.openFailure = new LinkableTestErp.LinkRefused(REFUSED);
        JsonNode refused = ok(call("POST", "/api/connections/link-runs/sync/employees?wait=true", null));
        assertThat(refused.path("status").asText()).isEqualTo("FAILED");
        assertThat(refused.path("message").asText()).isEqualTo(REFUSED);
        assertThat(get("link-runs").path("link").path("status").asText()).isEqualTo("FAILED");
        assertThat(get("link-runs").path("link").path("message").asText()).isEqualTo(REFUSED);

        erp.answers.reset();
        JsonNode export = ok(call("POST", "/api/connections/link-runs/export/bookings?wait=true", null));
        assertThat(export.path("status").asText()).as(export.toString()).isEqualTo("SUCCEEDED");
        assertThat(get("link-runs").path("link").path("message").asText())
                .isEqualTo("run " + export.path("id").asLong() + " of bookings SUCCEEDED");
        assertThat(get("link-runs").path("link").path("status").asText()).isEqualTo("LINKED");

        erp.answers.openFailure = new LinkableTestErp.LinkRefused("the AmID is not known");
        assertThat(ok(call("POST", "/api/connections/link-runs/export/bookings?wait=true", null)).path("status").asText())
                .isEqualTo("FAILED");
        assertThat(get("link-runs").path("link").path("status").asText()).isEqualTo("FAILED");
        assertThat(get("link-runs").path("link").path("message").asText()).isEqualTo("the AmID is not known");
    }

    @Test
    void anUnlinkedConnectionRunsNothingUntilItIsLinkedAgain() {
        Map<String, Object> body = payload("link-cut");
        body.put("schedules", Map.of("employees", "* * * * * ?"));
        create(body);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> scheduledRuns("link-cut") > 0);
            assertThat(get("link-cut").path("link").path("status").asText()).isEqualTo("LINKED");
            String checkedAt = get("link-cut").path("link").path("checkedAt").asText();

            int seen = changes.seen.size();
            JsonNode unlinked = ok(call("POST", "/api/connections/link-cut/unlink", null));
            assertThat(fields(unlinked)).containsExactly("link");
            assertThat(unlinked.path("link").path("status").asText()).isEqualTo("UNLINKED");
            assertThat(unlinked.path("link").path("message").asText()).isEqualTo("unlinked by test-admin");
            assertThat(unlinked.path("link").path("amId").asText()).isEqualTo("AM-4711");
            assertThat(unlinked.path("link").path("checkedAt").asText()).as("the last check's").isNotBlank();
            assertThat(schedules.routeIds("link-cut")).isEmpty();
            assertThat(camel.getRoute("schedule-link-cut-employees")).isNull();
            assertThat(changes.seen.subList(seen, changes.seen.size())).as("tokens and transports are dropped")
                    .containsExactly("link-cut changed committed-rows=1");
            assertThat(ok(call("POST", "/api/connections/link-cut/unlink", null))).as("idempotent").isEqualTo(unlinked);
            assertThat(get("link-cut").path("link")).isEqualTo(unlinked.path("link"));

            for (String path : List.of("/sync/employees", "/sync/all", "/sync/employees?wait=true",
                    "/export/bookings", "/export/bookings?wait=true")) {
                Response refused = call("POST", "/api/connections/link-cut" + path, null);
                assertThat(refused.status()).as(path + ": " + refused).isEqualTo(409);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.node().path("detail").asText()).isEqualTo(
                        "connection link-cut is unlinked; POST /api/connections/link-cut/link to link it again");
                assertThat(refused.errorFields()).containsExactly("id");
            }
            // a trigger that fires as the unlink commits starts nothing either
            int before = runs.search("link-cut", null, null, 1000).size();
            producer.sendBodyAndHeaders(SyncRoutes.SCHEDULED, null,
                    Map.of(SyncRoutes.HEADER_CONNECTION, "link-cut", SyncRoutes.HEADER_FLOW, "employees"));
            assertThat(runs.search("link-cut", null, null, 1000)).hasSize(before);
            // a once-a-second schedule would have fired by now
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                    .until(() -> runs.search("link-cut", null, null, 1000).size() == before);

            JsonNode tested = ok(call("POST", "/api/connections/link-cut/test", null));
            assertThat(tested.path("ok").asBoolean()).isTrue();
            JsonNode stillUnlinked = get("link-cut").path("link");
            assertThat(stillUnlinked.path("status").asText()).as("only a link leaves an unlink").isEqualTo("UNLINKED");
            assertThat(stillUnlinked.path("message").asText()).isEqualTo("mandant 7777 reached");
            assertThat(stillUnlinked.path("checkedAt").asText()).isNotEqualTo(checkedAt);
            Map<String, Object> changed = payload("link-cut");
            changed.put("options", Map.of("amId", "AM-4711", "mandant", 8888));
            changed.put("schedules", body.get("schedules"));
            assertThat(ok(call("PUT", "/api/connections/link-cut", toJson(redacted(changed)))).path("link")
                    .path("status").asText()).isEqualTo("UNLINKED");
            assertThat(schedules.routeIds("link-cut")).as("an edit schedules nothing while unlinked").isEmpty();

            erp.answers.refusal = REFUSED;
            JsonNode failedLink = ok(call("POST", "/api/connections/link-cut/link", null));
            assertThat(fields(failedLink)).containsExactly("link", "test");
            assertThat(failedLink.path("link").path("status").asText()).isEqualTo("FAILED");
            assertThat(failedLink.path("link").path("message").asText()).isEqualTo(REFUSED);
            assertThat(failedLink.path("link").path("mandant").asInt()).isEqualTo(8888);
            assertThat(fields(failedLink.path("test"))).containsExactly("ok", "endpoint", "message", "details");
            assertThat(failedLink.path("test").path("ok").asBoolean()).isFalse();
            assertThat(failedLink.path("test").path("endpoint").asText()).isEqualTo("main");
            assertThat(schedules.routeIds("link-cut")).as("the unlink is over").containsExactly("schedule-link-cut-employees");

            erp.answers.reset();
            JsonNode relinked = ok(call("POST", "/api/connections/link-cut/link", null));
            assertThat(relinked.path("link").path("status").asText()).isEqualTo("LINKED");
            assertThat(relinked.path("test").path("ok").asBoolean()).isTrue();
            int unlinkedRuns = runs.search("link-cut", null, null, 1000).size();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> runs.search("link-cut", null, null, 1000).size() > unlinkedRuns);
        } finally {
            call("DELETE", "/api/connections/link-cut", null);
        }
    }

    @Test
    void linkAndUnlinkAnswer404ForAnUnknownOrArchivedConnectionAnd409ForAnErpWithoutLink() {
        for (String action : List.of("link", "unlink")) {
            Response unknown = call("POST", "/api/connections/nobody/" + action, null);
            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
            assertThat(unknown.errorFields()).containsExactly("id");
        }

        create("link-archived");
        ok(call("POST", "/api/connections/link-archived/sync/employees?wait=true", null)); // history: archived, not deleted
        assertThat(ok(call("DELETE", "/api/connections/link-archived", null)).path("archived").asBoolean()).isTrue();
        for (String action : List.of("link", "unlink")) {
            Response archived = call("POST", "/api/connections/link-archived/" + action, null);
            assertThat(archived.status()).as(archived.toString()).isEqualTo(404);
            assertThat(archived.node().path("detail").asText()).contains("was archived");
        }

        create(avantage("link-avantage"));
        for (String action : List.of("link", "unlink")) {
            Response noLink = call("POST", "/api/connections/link-avantage/" + action, null);
            assertThat(noLink.status()).as(noLink.toString()).isEqualTo(409);
            assertThat(noLink.header("Content-Type")).startsWith("application/problem+json");
            assertThat(noLink.node().path("detail").asText()).startsWith("this ERP has no link");
            assertThat(errors(noLink)).containsExactly(Map.entry("erp", "this ERP has no link"));
        }
        assertThat(get("link-avantage").has("link")).isFalse();
    }

    @Test
    void changingWhatTheLinkNamesOrReachesItWithResetsIt() {
        Map<String, Object> body = payload("link-changed");
        create(body);
        linkByTest("link-changed");

        body.put("schedules", Map.of("employees", "0 0 5 * * ?"));
        assertThat(put(body).path("status").asText()).as("a schedule is not the link's").isEqualTo("LINKED");
        body.put("options", Map.of("amId", "AM-4711", "mandant", "7777"));
        assertThat(put(body).path("status").asText()).as("7777 and \"7777\" are one mandant").isEqualTo("LINKED");

        body.put("options", Map.of("amId", "AM-4711", "mandant", 8888));
        JsonNode reset = put(body);
        assertThat(reset.path("status").asText()).isEqualTo("NOT_LINKED");
        assertThat(reset.path("message").asText())
                .isEqualTo("changed since the link was checked: mandant; test the connection to link it");
        assertThat(reset.path("checkedAt").isNull()).isTrue();

        linkByTest("link-changed");
        body.put("credentials", Map.of("clientId", "client", "clientSecret", "an0ther-Secret"));
        assertThat(put(body).path("message").asText()).contains(": credentials;");

        linkByTest("link-changed");
        body.put("endpoints", List.of(Map.of("name", "main", "url", "https://moved.erp.example/api")));
        assertThat(put(body).path("message").asText()).contains(": endpoint;");
    }

    @Test
    void anArchivedConnectionKeepsItsUnlinkWhenCreatedAgain() {
        create("link-kept");
        ok(call("POST", "/api/connections/link-kept/sync/employees?wait=true", null));
        ok(call("POST", "/api/connections/link-kept/unlink", null));
        assertThat(ok(call("DELETE", "/api/connections/link-kept", null)).path("archived").asBoolean()).isTrue();

        Map<String, Object> again = payload("link-kept");
        again.put("schedules", Map.of("employees", "* * * * * ?"));
        create(again);
        try {
            assertThat(get("link-kept").path("link").path("status").asText()).isEqualTo("UNLINKED");
            assertThat(schedules.routeIds("link-kept")).isEmpty();
            assertThat(call("POST", "/api/connections/link-kept/sync/employees", null).status()).isEqualTo(409);
        } finally {
            call("DELETE", "/api/connections/link-kept", null);
        }
    }

    @Test
    void aFailedLinkShowsInHealth() {
        create("link-health");
        erp.answers.refusal = REFUSED;
        ok(call("POST", "/api/connections/link-health/test", null));

        JsonNode failing = json.valueToTree(health.health().getDetails());
        assertThat(failing.path("connections").path("link-health").path("status").asText()).isEqualTo("DEGRADED");
        assertThat(failing.path("connections").path("link-health").path("link").path("message").asText())
                .isEqualTo(REFUSED);
        assertThat(health.health().getStatus()).isEqualTo(ConnectionRunsHealthIndicator.DEGRADED);

        erp.answers.reset();
        ok(call("POST", "/api/connections/link-health/test", null));
        assertThat(json.valueToTree(health.health().getDetails()).path("connections").has("link-health")).isFalse();
    }

    private Map<String, Object> payload(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("company", Map.of("code", "LINK-" + id.toUpperCase(), "name", "Bau " + id + " AG"));
        body.put("erp", ERP);
        body.put("endpoints", List.of(Map.of("name", "main", "url", "https://erp.example/api")));
        body.put("credentials", Map.of("clientId", "client", "clientSecret", "s3cret-Client"));
        body.put("schedules", Map.of());
        body.put("options", Map.of("amId", "AM-4711", "mandant", 7777));
        return body;
    }

    private static Map<String, Object> avantage(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("company", Map.of("code", "LINK-AVANTAGE", "name", "Construction sans lien"));
        body.put("erp", "avantage");
        body.put("endpoints", List.of(Map.of("name", "main", "url", "tcp://127.0.0.1:9")));
        body.put("credentials", Map.of("user", "integration", "password", "s3cret"));
        return body;
    }

    /** The document as a client sends it back: each stored secret as {@code "****"}. */
    private static Map<String, Object> redacted(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put("credentials", Map.of("clientId", "****", "clientSecret", "****"));
        return copy;
    }

    private void create(String id) {
        create(payload(id));
    }

    private void create(Map<String, Object> body) {
        Response created = call("POST", "/api/connections", toJson(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** Stores the document as it is (its credentials too) and answers the link shown. */
    private JsonNode put(Map<String, Object> body) {
        return ok(call("PUT", "/api/connections/" + body.get("id"), toJson(body))).path("link");
    }

    private void linkByTest(String id) {
        ok(call("POST", "/api/connections/" + id + "/test", null));
        assertThat(get(id).path("link").path("status").asText()).isEqualTo("LINKED");
    }

    private JsonNode get(String id) {
        return ok(call("GET", "/api/connections/" + id, null));
    }

    /** Finished runs the connection's schedules started. */
    private long scheduledRuns(String id) {
        return runs.search(id, null, null, 1000).stream()
                .filter(run -> "SCHEDULE".equals(run.trigger()) && run.finished()).count();
    }

    private Response call(String method, String path, String body) {
        return new ApiClient(port, json).call(method, path, ADMIN, body);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.node();
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> errors(Response problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.node().path("errors").forEach(e -> errors.put(e.path("field").asText(), e.path("message").asText()));
        return errors;
    }

    /** A routes folder beside the application holding the test ERP's two flows, copied from packaged ones. */
    private static Path routesWithTheTestErpsFiles() {
        try {
            Path folder = Files.createTempDirectory("passerelle-link-routes");
            Files.createDirectories(folder.resolve(ERP));
            Files.writeString(folder.resolve(ERP + "/employees.camel.yaml"),
                    Files.readString(Path.of("routes/acumatica/employees.camel.yaml")));
            Files.writeString(folder.resolve(ERP + "/bookings.camel.yaml"),
                    Files.readString(Path.of("routes/avantage/timesheets.camel.yaml")));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
