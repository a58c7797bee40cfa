package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.api.ApiTestSupport.Response;
import io.passerelle.connection.ConnectionService;
import io.passerelle.sandbox.acumatica.AcumaticaSimulator;
import io.passerelle.sandbox.acumatica.EntityType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Route files are the flows, and an engineer edits them on a running application: a filter and a custom field
 * added to {@code acumatica/vendors.camel.yaml} in the routes folder beside the application are used by the next
 * run, a broken edit is refused with its line and the flow goes on as before, a connection can run a file of its
 * own, and an Acumatica schedule fires. The routes folder here is a fresh one: what it does not hold is packaged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"passerelle.avantage.greeting-timeout=1s", "passerelle.avantage.request-timeout=5s",
                "passerelle.routes.reload-interval=200ms"})
@ActiveProfiles({"sandbox", "test"})
class RouteFileFlowApiTest {

    private static final String ADMIN = ApiTestSupport.ADMIN;
    private static final String ACUMATICA = "sandbox-acumatica";
    private static final Path ROUTES = newFolder();
    private static final Path VENDORS = ROUTES.resolve("acumatica/vendors.camel.yaml");

    @DynamicPropertySource
    static void routesFolder(DynamicPropertyRegistry registry) {
        registry.add("passerelle.routes.dir", ROUTES::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ConnectionService connections;
    @Autowired
    AcumaticaSimulator acumatica;

    private ApiClient api;
    private JsonNode original;

    @BeforeEach
    void start() {
        api = new ApiClient(port, json);
        original = ok(api.call("GET", "/api/connections/" + ACUMATICA, ADMIN));
        ok(api.call("POST", "/api/connections/" + ACUMATICA + "/sync/projects?wait=true", ADMIN));
    }

    @AfterEach
    void packagedAgain() throws IOException {
        Files.deleteIfExists(VENDORS);
        Files.deleteIfExists(ROUTES.resolve("custom/acme-vendors.camel.yaml"));
        ObjectNode document = original.deepCopy();
        document.remove(List.of("createdAt", "updatedAt"));
        document.set("credentials", json.valueToTree(connections.get(ACUMATICA).credentials()));
        ok(api.call("PUT", "/api/connections/" + ACUMATICA, ADMIN, document.toString()));
        await().atMost(Duration.ofSeconds(10)).until(() -> route("acumatica/vendors.camel.yaml")
                .map(status -> status.path("source").asText().equals("packaged")).orElse(true));
        acumatica.reset();
    }

    @Test
    void anEditedRouteFileIsUsedByTheNextRunAndABrokenEditIsRefusedWhileTheOldFlowGoesOn() throws IOException {
        String skippedVendor = vendorIds().get(0);
        JsonNode before = sync("vendors");
        assertThat(before.path("counts").path("skipped").asInt()).isZero();
        assertThat(record("vendors", skippedVendor).path("customFields").isObject()).isTrue();
        assertThat(record("vendors", skippedVendor).path("customFields")).isEmpty();

        write(VENDORS, packaged("acumatica/vendors.camel.yaml")
                .replace("defaultValue: \"true\"", "defaultValue: '.VendorID.value != \"" + skippedVendor + "\"'")
                .replace("defaultValue: \"{}\"",
                        "defaultValue: '{\"currency\": \".CurrencyID.value\", \"class\": \".VendorClass.value\"}'"));
        await().atMost(Duration.ofSeconds(5)).until(() -> route("acumatica/vendors.camel.yaml")
                .map(status -> status.path("source").asText().equals("file")).orElse(false));

        JsonNode edited = sync("vendors");
        assertThat(edited.path("counts").path("skipped").asInt()).as(edited.toString()).isEqualTo(1);
        assertThat(edited.path("counts").path("read").asInt()).isEqualTo(before.path("counts").path("read").asInt());
        JsonNode kept = record("vendors", vendorIds().get(1));
        assertThat(kept.path("customFields").path("currency").asText()).isEqualTo("CAD");
        assertThat(edited.path("counts").path("updated").asInt()).as("the custom fields are the records' content")
                .isEqualTo(before.path("counts").path("read").asInt() - 1);

        write(VENDORS, packaged("acumatica/vendors.camel.yaml").replace("    parameters:", "    parameters:\n  - broken: [here"));
        await().atMost(Duration.ofSeconds(5)).until(() -> route("acumatica/vendors.camel.yaml")
                .map(status -> !status.path("refused").isNull()).orElse(false));
        JsonNode refused = route("acumatica/vendors.camel.yaml").orElseThrow();
        assertThat(refused.path("refused").asText()).startsWith("acumatica/vendors.camel.yaml, line ");
        assertThat(refused.path("refusedLine").asInt()).isPositive();

        JsonNode still = sync("vendors");
        assertThat(still.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(still.path("counts").path("skipped").asInt()).as("the previous version goes on").isEqualTo(1);
    }

    @Test
    void aConnectionRunsARouteFileOfItsOwnAndABadNameIsRefusedWithTheField() throws IOException {
        write(ROUTES.resolve("custom/acme-vendors.camel.yaml"), packaged("acumatica/vendors.camel.yaml")
                .replace("defaultValue: \"{}\"", "defaultValue: '{\"name\": \".VendorName.value\"}'"));
        ObjectNode document = original.deepCopy();
        document.remove(List.of("createdAt", "updatedAt"));
        document.set("credentials", json.valueToTree(connections.get(ACUMATICA).credentials()));
        ((ObjectNode) document.with("options")).set("routes", json.valueToTree(Map.of("vendors", "custom/nope.camel.yaml")));
        Response bad = api.call("PUT", "/api/connections/" + ACUMATICA, ADMIN, document.toString());
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).contains("options.routes.vendors").contains("custom/nope.camel.yaml");

        ((ObjectNode) document.with("options")).set("routes", json.valueToTree(Map.of("vendors", "custom/acme-vendors.camel.yaml")));
        ok(api.call("PUT", "/api/connections/" + ACUMATICA, ADMIN, document.toString()));
        sync("vendors");

        String vendor = vendorIds().get(2);
        assertThat(record("vendors", vendor).path("customFields").path("name").asText())
                .isEqualTo(record("vendors", vendor).path("name").asText());
    }

    @Test
    void anAcumaticaScheduleFires() {
        ObjectNode document = original.deepCopy();
        document.remove(List.of("createdAt", "updatedAt"));
        document.set("credentials", json.valueToTree(connections.get(ACUMATICA).credentials()));
        document.set("schedules", json.valueToTree(Map.of("costCodes", "0/1 * * * * ?")));
        ok(api.call("PUT", "/api/connections/" + ACUMATICA, ADMIN, document.toString()));

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode runs = ok(api.call("GET", "/api/runs?connection=" + ACUMATICA + "&limit=20", ADMIN));
            for (JsonNode run : runs) {
                if (run.path("flow").asText().equals("costCodes") && run.path("trigger").asText().equals("SCHEDULE")
                        && run.path("status").asText().equals("SUCCEEDED")) {
                    return true;
                }
            }
            return false;
        });
    }

    private JsonNode sync(String flow) {
        JsonNode runs = ok(api.call("POST", "/api/connections/" + ACUMATICA + "/sync/" + flow + "?wait=true&mode=full", ADMIN));
        JsonNode run = runs.isArray() ? runs.get(0) : runs.path("items").isArray() ? runs.path("items").get(0) : runs;
        assertThat(run.path("status").asText()).as(run.toString()).isIn("SUCCEEDED", "PARTIAL");
        return run;
    }

    private JsonNode record(String entity, String key) {
        JsonNode page = ok(api.call("GET", "/api/connections/" + ACUMATICA + "/records/" + entity + "?q=" + key + "&limit=50", ADMIN));
        for (JsonNode item : page.path("items")) {
            if (item.path("remoteKey").asText().equals(key)) {
                return item;
            }
        }
        throw new AssertionError("no " + entity + " " + key + " in " + page);
    }

    private List<String> vendorIds() {
        return acumatica.documents(EntityType.Vendor).stream().map(v -> v.path("VendorID").path("value").asText()).sorted().toList();
    }

    private java.util.Optional<JsonNode> route(String file) {
        for (JsonNode status : ok(api.call("GET", "/api/routes", ADMIN)).path("items")) {
            if (status.path("file").asText().equals(file)) {
                return java.util.Optional.of(status);
            }
        }
        return java.util.Optional.empty();
    }

    private static String packaged(String file) throws IOException {
        return Files.readString(Path.of("routes").resolve(file));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Path newFolder() {
        try {
            return Files.createTempDirectory("passerelle-routes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response.node();
    }
}
