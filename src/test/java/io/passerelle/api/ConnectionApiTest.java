package io.passerelle.api;

import io.passerelle.connection.FakeErpConnector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.connection.Connections;
import io.passerelle.connection.ConnectionService;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

@ExtendWith(OutputCaptureExtension.class)
class ConnectionApiTest extends ApiTestSupport {

    static final String PASSWORD = Connections.PASSWORD;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChangeRecorder changes;
    @Autowired
    ConnectionService connections;
    @Autowired
    CamelContext camel;

    static Map<String, Object> payload(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("company", Map.of("code", "ACME", "name", "Construction Acme inc."));
        body.put("erp", FakeErpConnector.ERP);
        body.put("endpoints", List.of(Map.of("name", "main", "url", "https://reachable.acme.example/entity", "default", true)));
        body.put("credentials", Map.of("user", "integration", "password", PASSWORD, "tenant", "ACME"));
        body.put("schedules", Map.of("projects", "0 0 * * * ?", "employees", "0 5 * * * ?"));
        body.put("options", Map.of("endpointVersion", "24.200.001"));
        body.put("owner", "test-engineer"); // the ENGINEER token's: the tests that call as ENGINEER change what they own
        body.put("allowOthersToEdit", false);
        return body;
    }

    @Test
    void typeErrorsAreListedWithTheOtherFieldErrorsAndNothingIsCreated() {
        Map<String, Object> body = payload("conn-types");
        body.remove("id");
        body.put("endpoints", "https://reachable.acme.example/entity");
        body.put("allowOthersToEdit", "yes");
        body.put("credentials", Map.of("user", Map.of("name", "integration"), "password", PASSWORD, "tenant", "ACME"));
        Response answer = call("POST", "/api/connections", ADMIN, toJson(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("endpoints", "allowOthersToEdit",
                "credentials.user", "id");
        assertThat(answer.body()).contains("expected an array").contains("expected true or false")
                .doesNotContain(PASSWORD);
    }

    private Response create(String id) {
        call("DELETE", "/api/connections/" + id, ADMIN); // a PostgreSQL test database may outlive one run
        Response created = call("POST", "/api/connections", ADMIN, toJson(payload(id)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    @Test
    void createsAConnectionAndShowsItWithCredentialsRedacted(CapturedOutput output) {
        Response created = create("acme-create");
        assertThat(created.header("Location")).endsWith("/api/connections/acme-create");
        JsonNode body = created.node();
        assertThat(body.path("id").asText()).isEqualTo("acme-create");
        assertThat(body.path("company").path("code").asText()).isEqualTo("ACME");
        assertThat(body.path("endpoints").get(0).path("default").asBoolean()).isTrue();
        assertThat(json.convertValue(body.path("credentials"), Map.class))
                .isEqualTo(Map.of("user", "****", "password", "****", "tenant", "****"));
        assertThat(body.path("schedules").path("employees").asText()).isEqualTo("0 5 * * * ?");
        assertThat(body.path("options").path("endpointVersion").asText()).isEqualTo("24.200.001");
        assertThat(body.path("createdAt").asText()).endsWith("Z");

        Response one = call("GET", "/api/connections/acme-create", VIEWER);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.node().path("credentials").path("password").asText()).isEqualTo("****");
        Response all = call("GET", "/api/connections", VIEWER);
        assertThat(all.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        all.node().forEach(c -> ids.add(c.path("id").asText()));
        assertThat(ids).contains("acme-create");

        assertThat(created.body() + one.body() + all.body()).doesNotContain(PASSWORD);
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }

    @Test
    void storesCredentialsEncrypted() {
        create("acme-encrypted");
        String column = jdbc.queryForObject("select credentials from connection where id = ?", String.class, "acme-encrypted");
        assertThat(column).doesNotContain(PASSWORD).doesNotContain("integration").startsWith("v1:");
        assertThat(connections.get("acme-encrypted").credential("password")).isEqualTo(PASSWORD);
    }

    @Test
    void answers409WhenTheIdIsTaken() {
        create("acme-taken");
        Response again = call("POST", "/api/connections", ENGINEER, toJson(payload("acme-taken")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.errorFields()).containsExactly("id");
    }

    @Test
    void answers404ForAnUnknownConnection() {
        for (String method : List.of("GET", "DELETE")) {
            Response missing = call(method, "/api/connections/nobody", ADMIN);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.node().path("status").asInt()).isEqualTo(404);
            assertThat(missing.node().path("detail").asText()).contains("nobody");
        }
        assertThat(call("PUT", "/api/connections/nobody", ADMIN, toJson(payload("nobody"))).status()).isEqualTo(404);
    }

    @Test
    void putKeepsStoredCredentialsForRedactedValues(CapturedOutput output) {
        create("acme-put");
        JsonNode got = call("GET", "/api/connections/acme-put", ADMIN).node();
        ((com.fasterxml.jackson.databind.node.ObjectNode) got.path("company")).put("name", "Acme renamed");
        Response put = call("PUT", "/api/connections/acme-put", ENGINEER, got.toString()
                .replaceAll(",\"createdAt\":\"[^\"]*\",\"updatedAt\":\"[^\"]*\"", ""));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.node().path("company").path("name").asText()).isEqualTo("Acme renamed");
        assertThat(connections.get("acme-put").credentials())
                .containsEntry("password", PASSWORD).containsEntry("user", "integration").containsEntry("tenant", "ACME");

        Map<String, Object> body = payload("acme-put");
        body.put("credentials", Map.of("password", "n3w-Pa55"));
        assertThat(call("PUT", "/api/connections/acme-put", ADMIN, toJson(body)).status()).isEqualTo(200);
        assertThat(connections.get("acme-put").credentials())
                .containsEntry("password", "n3w-Pa55").containsEntry("user", "integration");
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain("n3w-Pa55");
    }

    @Test
    void plainSchedulesAreStoredAndAnsweredAsTheCronsTheyMean() {
        call("DELETE", "/api/connections/acme-plain", ADMIN);
        Map<String, Object> body = payload("acme-plain");
        body.put("schedules", Map.of("projects", "hourly", "employees", "daily at 2:00"));
        Response created = call("POST", "/api/connections", ADMIN, toJson(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(json.convertValue(created.node().path("schedules"), Map.class))
                .isEqualTo(Map.of("projects", "0 0 * * * ?", "employees", "0 0 2 * * ?"));
        assertThat(call("GET", "/api/connections/acme-plain", VIEWER).node().path("schedules"))
                .isEqualTo(created.node().path("schedules"));
        assertThat(jdbc.queryForObject("select schedules from connection where id = 'acme-plain'", String.class))
                .as("the cron is what is stored").contains("0 0 2 * * ?").doesNotContain("daily");
        await().untilAsserted(() -> assertThat(camel.getRoute("schedule-acme-plain-employees").getEndpoint()
                .getEndpointUri()).contains("cron=0+0+2+*+*+%3F"));

        body.put("schedules", Map.of("employees", "every 15 minutes"));
        Response put = call("PUT", "/api/connections/acme-plain", ADMIN, toJson(body));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.node().path("schedules").path("employees").asText()).isEqualTo("0 0/15 * * * ?");

        body.put("schedules", Map.of("employees", "twice a day", "projects", "daily at 25:00"));
        Response bad = call("PUT", "/api/connections/acme-plain", ADMIN, toJson(body));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("schedules.employees", "schedules.projects");
        assertThat(bad.body()).contains("'twice a day'").contains("hourly").contains("every N minutes")
                .contains("daily at HH:mm").contains("Quartz cron");
        assertThat(call("GET", "/api/connections/acme-plain", VIEWER).node().path("schedules").path("employees")
                .asText()).as("nothing changed").isEqualTo("0 0/15 * * * ?");
    }

    @Test
    void putCannotRenameAConnection() {
        create("acme-rename");
        Response put = call("PUT", "/api/connections/acme-rename", ADMIN, toJson(payload("acme-other")));
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.errorFields()).containsExactly("id");
    }

    @Test
    void namesEveryInvalidField() {
        Map<String, Object> body = payload("Bad_Id");
        body.put("endpoints", List.of(
                Map.of("name", "main", "url", "https://a.example", "default", true),
                Map.of("name", "backup", "url", "https://b.example", "default", true)));
        body.put("credentials", Map.of("user", "integration"));
        body.put("schedules", Map.of("employees", "every hour"));
        Response invalid = call("POST", "/api/connections", ADMIN, toJson(body));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalid.errorFields()).containsExactlyInAnyOrder(
                "id", "endpoints", "credentials.password", "schedules.employees");
        assertThat(invalid.body()).contains("not a schedule: 'every hour'; give \\\"hourly\\\"");
        JsonNode problem = invalid.node();
        assertThat(problem.has("type")).isTrue();
        assertThat(problem.path("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    @Test
    void namesAnUnknownErp() {
        // every ERP of the contract has its module now; ConnectionValidatorTest covers one a build would lack
        Map<String, Object> unknown = payload("acme-sap");
        unknown.put("erp", "sap");
        Response bad = call("POST", "/api/connections", ADMIN, toJson(unknown));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("erp");
        assertThat(bad.body()).contains("must be one of avantage, acumatica, abacus, adminpulse, 24sevenoffice");
    }

    @Test
    void namesMissingFields() {
        Response empty = call("POST", "/api/connections", ADMIN, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).contains("id", "company", "erp", "endpoints");
    }

    @Test
    void namesUnknownJsonFields() {
        Map<String, Object> body = payload("acme-unknown");
        body.put("schedule", Map.of());
        body.put("company", Map.of("code", "ACME", "name", "Acme", "adress", "1 rue"));
        Response bad = call("POST", "/api/connections", ADMIN, toJson(body));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("schedule", "company.adress");
    }

    @Test
    void saysWhereJsonIsMalformedWithoutEchoingIt() {
        Response bad = call("POST", "/api/connections", ADMIN, "{\"id\": \"x\",\n \"credentials\": {\"password\": s3cretValue}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.node().path("detail").asText()).startsWith("malformed JSON at line 2");
        assertThat(bad.body()).doesNotContain("s3cretValue");

        Response wrongType = call("POST", "/api/connections", ADMIN, "{\"id\": \"x\", \"allowOthersToEdit\": \"perhaps\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorFields()).as("the type error first, then what the validator found")
                .containsExactly("allowOthersToEdit", "erp", "company", "endpoints");
        assertThat(wrongType.body()).doesNotContain("Exception").doesNotContain("perhaps");

        Response noBody = call("POST", "/api/connections", ADMIN, "");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.errorFields()).containsExactly("body");
    }

    @Test
    void deletes() {
        create("acme-delete");
        assertThat(call("DELETE", "/api/connections/acme-delete", ENGINEER).status()).isEqualTo(204);
        assertThat(call("GET", "/api/connections/acme-delete", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void announcesChangesOnceCommitted() {
        create("acme-events");
        Map<String, Object> body = payload("acme-events");
        body.put("owner", "bob");
        call("PUT", "/api/connections/acme-events", ADMIN, toJson(body));
        body.put("schedules", Map.of("employees", "nope"));
        call("PUT", "/api/connections/acme-events", ADMIN, toJson(body)); // invalid: no event
        call("DELETE", "/api/connections/acme-events", ADMIN);
        await().until(() -> changes.seen.stream().filter(s -> s.startsWith("acme-events ")).count() == 3);
        assertThat(changes.seen.stream().filter(s -> s.startsWith("acme-events ")).toList()).containsExactly(
                "acme-events changed committed-rows=1",
                "acme-events changed committed-rows=1",
                "acme-events deleted committed-rows=0");
    }

    @Test
    void testsTheDefaultOrTheNamedEndpoint() {
        Map<String, Object> body = payload("acme-test");
        body.put("endpoints", List.of(
                Map.of("name", "main", "url", "https://reachable.acme.example", "default", true),
                Map.of("name", "dr", "url", "https://dr.acme.example", "default", false)));
        call("POST", "/api/connections", ADMIN, toJson(body));

        Response main = call("POST", "/api/connections/acme-test/test", ENGINEER);
        assertThat(main.status()).isEqualTo(200);
        assertThat(main.node().path("ok").asBoolean()).isTrue();
        assertThat(main.node().path("endpoint").asText()).isEqualTo("main");
        assertThat(main.node().path("details").path("user").asText()).isEqualTo("integration");

        Response dr = call("POST", "/api/connections/acme-test/test?endpoint=dr", ENGINEER);
        assertThat(dr.node().path("ok").asBoolean()).isFalse();
        assertThat(dr.node().path("message").asText()).isEqualTo("refused");

        Response nowhere = call("POST", "/api/connections/acme-test/test?endpoint=nowhere", ENGINEER);
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.errorFields()).containsExactly("endpoint");
        assertThat(call("POST", "/api/connections/nobody/test", ENGINEER).status()).isEqualTo(404);
    }
}
