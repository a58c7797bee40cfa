package io.passerelle.erp.avantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.SandboxApiTest;
import io.passerelle.api.ApiClient;
import io.passerelle.api.ApiTestSupport.Response;
import io.passerelle.sandbox.avantage.Activity;
import io.passerelle.sandbox.avantage.AvantageEntity;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sandbox.avantage.PurchaseOrder;
import io.passerelle.sandbox.avantage.Supplier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Seed 002's project page and second phase through the API, against the sandbox Avantage server: one project's
 * activities synced alone (what Avantage was asked, the run that says so, the cursor of every project's left where
 * it was), budgets in the records and a change of them an update, suppliers and purchase orders in the records with
 * the simulator's counts, and a changed purchase-order line an update of its order. The same context as
 * SevenOfficeCompaniesApiTest (the same annotation), which touches no Avantage data.
 */
@SandboxApiTest
class AvantageProjectSyncApiTest {

    static final String ADMIN = "test-admin-token";
    static final String CONNECTION = "sandbox-avantage";
    static final String API = "/api/connections/" + CONNECTION;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    AvantageSimulator simulator;

    private ApiClient api;

    @BeforeEach
    void projectsSynced() {
        api = new ApiClient(port, json);
        ok(post("/sync/projects?wait=true"));
    }

    @AfterEach
    void wellBehavedAgain() {
        simulator.reset();
    }

    @Test
    void oneProjectsActivitiesAreReadAloneAndTheCursorOfEveryProjectStaysWhereItWas() {
        ok(post("/sync/activities?wait=true"));
        Instant cursor = cursor("activities");
        assertThat(cursor).isNotNull();
        String project = "P-1003";
        List<Activity> ofProject = simulator.dataset().activities(project);
        Activity revised = simulator.updateActivity(project, ofProject.get(0).code(),
                a -> a.withBudget(a.budgetHours().add(BigDecimal.valueOf(40)), a.budgetAmount().add(new BigDecimal("3400.00"))));
        simulator.counters().reset();

        // spelled with a no-break space: the platform's project is found by its key, and Avantage asked as it spells it
        JsonNode run = ok(post("/sync/activities?project=P-1003%C2%A0&wait=true"));

        assertThat(run.path("flow").asText()).isEqualTo("activities");
        assertThat(run.path("project").asText()).isEqualTo(project);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("read").asInt()).isEqualTo(ofProject.size());
        assertThat(run.path("counts").path("updated").asInt()).isEqualTo(1);
        assertThat(run.path("counts").path("created").asInt()).isZero();
        assertThat(run.path("counts").path("unchanged").asInt()).isEqualTo(ofProject.size() - 1);
        assertThat(simulator.counters().listsByEntity().keySet()).filteredOn(list -> list.startsWith("ACTIVITY"))
                .as("Avantage was asked for that project's activities only").containsExactly("ACTIVITY project=" + project);
        assertThat(ok(get("/api/runs/" + run.path("id").asLong())).path("project").asText()).isEqualTo(project);
        assertThat(cursor("activities")).as("the cursor of every project's activities").isEqualTo(cursor);

        JsonNode stored = activity(project, revised.code());
        assertThat(stored.path("budgetHours").decimalValue()).isEqualByComparingTo(revised.budgetHours());
        assertThat(stored.path("budgetAmount").decimalValue()).isEqualByComparingTo(revised.budgetAmount());

        // every project's next run still finds the change after its cursor: read again, already written
        JsonNode all = ok(post("/sync/activities?wait=true"));
        assertThat(all.path("project").isNull()).isTrue();
        assertThat(all.path("counts").path("read").asInt()).isPositive();
        assertThat(all.path("counts").path("updated").asInt()).isZero();
        assertThat(all.path("counts").path("created").asInt()).isZero();
        assertThat(simulator.counters().lists(AvantageEntity.ACTIVITY, null)).isPositive();
        assertThat(cursor("activities")).isAfter(cursor);
    }

    @Test
    void aChangedBudgetIsAnUpdateAndTheRecordsShowIt() {
        ok(post("/sync/activities?wait=true"));
        Activity before = simulator.dataset().activities("P-1005").get(1);
        Activity revised = simulator.updateActivity("P-1005", before.code(),
                a -> a.withBudget(new BigDecimal("1234.5"), new BigDecimal("98765.43")));

        JsonNode run = ok(post("/sync/activities?wait=true"));

        assertThat(run.path("counts").path("updated").asInt()).as(run.toString()).isEqualTo(1);
        assertThat(run.path("counts").path("created").asInt()).isZero();
        JsonNode stored = activity("P-1005", revised.code());
        assertThat(stored.path("budgetHours").decimalValue()).isEqualByComparingTo("1234.5");
        assertThat(stored.path("budgetAmount").decimalValue()).isEqualByComparingTo("98765.43");
        assertThat(stored.path("description").asText()).isEqualTo(before.description());
    }

    @Test
    void aProjectThatIsNotSyncedIs422AndAFlowOrErpWithoutProjectsA400() {
        simulator.counters().reset();
        Response unknown = post("/sync/activities?project=P-9999&wait=true");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactly("project");
        assertThat(unknown.node().path("detail").asText()).contains("'P-9999'").contains("sync projects first");
        assertThat(simulator.counters().lists(AvantageEntity.ACTIVITY, "P-9999")).as("nothing asked of Avantage").isZero();

        for (String query : List.of("/sync/employees?project=P-1003", "/sync/all?project=P-1003",
                "/sync/activities?project=%20", "/sync/activities?project=P-1003&key=03-100")) {
            Response refused = post(query);
            assertThat(refused.status()).as(query + " → " + refused).isEqualTo(400);
            assertThat(refused.errorFields()).as(query).containsExactly("project");
            assertThat(refused.body()).doesNotContain("Exception");
        }
        assertThat(post("/sync/employees?project=P-1003").node().path("errors").get(0).path("message").asText())
                .isEqualTo("flow employees of avantage cannot sync one project's records alone");
        Response acumatica = api.call("POST", "/api/connections/sandbox-acumatica/sync/projectTasks?project=23-100", ADMIN);
        assertThat(acumatica.status()).as(acumatica.toString()).isEqualTo(400);
        assertThat(acumatica.node().path("errors").get(0).path("message").asText())
                .isEqualTo("flow projectTasks of acumatica cannot sync one project's records alone");
        assertThat(post("/sync/activities?project=P-1003").status()).as("the project is known; the run starts")
                .isEqualTo(202);
        awaitIdle("activities");
    }

    @Test
    void aRunOfOneProjectStartsInTheBackgroundAndSaysWhichProject() {
        Response accepted = post("/sync/activities?project=P-1004");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long runId = accepted.node().path("runId").asLong();
        assertThat(accepted.header("Location")).endsWith("/api/runs/" + runId);
        JsonNode run = await().atMost(Duration.ofSeconds(30)).until(() -> ok(get("/api/runs/" + runId)),
                r -> !r.path("finishedAt").isNull());
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("project").asText()).isEqualTo("P-1004");
        assertThat(run.path("counts").path("read").asInt()).isEqualTo(simulator.dataset().activities("P-1004").size());
    }

    @Test
    void suppliersAndPurchaseOrdersAreInTheRecordsAndAChangedLineUpdatesItsOrder() {
        JsonNode suppliers = ok(post("/sync/suppliers?mode=full&wait=true"));
        JsonNode orders = ok(post("/sync/purchaseOrders?mode=full&wait=true"));
        int supplierCount = simulator.dataset().count(AvantageEntity.SUPPLIER);
        int orderCount = simulator.dataset().count(AvantageEntity.PURCHASE_ORDER);
        assertThat(suppliers.path("counts").path("read").asInt()).as(suppliers.toString()).isEqualTo(supplierCount);
        assertThat(orders.path("counts").path("read").asInt()).as(orders.toString()).isEqualTo(orderCount);
        assertThat(List.of(suppliers, orders)).allSatisfy(run -> {
            assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(run.path("counts").path("rejected").asInt()).isZero();
        });

        List<JsonNode> vendors = records("vendors");
        assertThat(vendors).hasSize(supplierCount);
        Supplier inactive = simulator.dataset().suppliers().stream().filter(s -> s.status() == Supplier.Status.INACTIVE)
                .findFirst().orElseThrow();
        JsonNode closed = vendors.stream().filter(v -> v.path("code").asText().equals(inactive.code())).findFirst()
                .orElseThrow();
        assertThat(closed.path("status").asText()).isEqualTo("INACTIVE");
        assertThat(closed.path("name").asText()).isEqualTo(inactive.name());
        assertThat(closed.path("city").asText()).isEqualTo(inactive.address().city());
        assertThat(closed.path("postalCode").asText()).isEqualTo(inactive.address().postalCode());
        assertThat(closed.path("phone").asText()).isEqualTo(inactive.phone());

        List<JsonNode> stored = records("purchaseOrders");
        assertThat(stored).hasSize(orderCount);
        PurchaseOrder order = simulator.dataset().purchaseOrders().stream().filter(o -> o.lines().size() >= 3)
                .findFirst().orElseThrow();
        JsonNode before = purchaseOrder(order.number());
        assertThat(before.path("supplierCode").asText()).isEqualTo(order.supplier());
        assertThat(before.path("projectNumber").asText()).isEqualTo(order.project());
        assertThat(before.path("orderDate").asText()).isEqualTo(order.date().toString());
        assertThat(before.path("status").asText()).isEqualTo(order.status().name());
        assertThat(before.path("lines")).hasSize(order.lines().size());
        assertThat(before.path("lines").get(0).path("description").asText()).isEqualTo(order.lines().get(0).description());

        PurchaseOrder changed = simulator.updatePurchaseOrder(order.number(),
                o -> o.withLine(3, line -> line.withQuantity(line.quantity().add(BigDecimal.ONE))));
        JsonNode again = ok(post("/sync/purchaseOrders?wait=true"));

        assertThat(again.path("counts").path("updated").asInt()).as(again.toString()).isEqualTo(1);
        assertThat(again.path("counts").path("created").asInt()).isZero();
        JsonNode after = purchaseOrder(order.number());
        assertThat(after.path("lines").get(2).path("quantity").decimalValue())
                .isEqualByComparingTo(changed.lines().get(2).quantity());
        assertThat(after.path("lines").get(2).path("amount").decimalValue())
                .isEqualByComparingTo(changed.lines().get(2).amount());
        assertThat(after.path("total").decimalValue()).isEqualByComparingTo(before.path("total").decimalValue()
                .add(changed.lines().get(2).unitCost()));
        assertThat(after.path("id").asLong()).isEqualTo(before.path("id").asLong());

        // one project's purchase orders, as its activities
        simulator.counters().reset();
        JsonNode ofProject = ok(post("/sync/purchaseOrders?project=" + order.project() + "&wait=true"));
        assertThat(ofProject.path("project").asText()).isEqualTo(order.project());
        assertThat(ofProject.path("counts").path("read").asInt())
                .isEqualTo(simulator.dataset().purchaseOrders(order.project()).size());
        assertThat(simulator.counters().listsByEntity().keySet()).filteredOn(list -> list.startsWith("PURCHASE_ORDER"))
                .containsExactly("PURCHASE_ORDER project=" + order.project());
    }

    private Response post(String path) {
        return api.call("POST", API + path, ADMIN);
    }

    private Response get(String path) {
        return api.call("GET", path, ADMIN);
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 202);
        return response.node();
    }

    private Instant cursor(String flow) {
        JsonNode items = ok(get(API + "/cursors")).path("items");
        JsonNode cursor = StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.path("flow").asText().equals(flow)).findFirst().orElseThrow();
        return cursor.path("watermark").isNull() ? null : Instant.parse(cursor.path("watermark").asText());
    }

    private JsonNode activity(String project, String code) {
        return records("activities?q=" + project).stream()
                .filter(a -> a.path("projectNumber").asText().equals(project) && a.path("code").asText().equals(code))
                .findFirst().orElseThrow();
    }

    private JsonNode purchaseOrder(String number) {
        return records("purchaseOrders?q=" + number).stream().filter(o -> o.path("number").asText().equals(number))
                .findFirst().orElseThrow();
    }

    /** Every record of the connection (page after page), or those {@code q} finds: {@code entity?q=…}. */
    private List<JsonNode> records(String entityAndQuery) {
        List<JsonNode> all = new ArrayList<>();
        String next = null;
        do {
            String separator = entityAndQuery.contains("?") ? "&" : "?";
            JsonNode page = ok(get(API + "/records/" + entityAndQuery + separator + "limit=1000"
                    + (next == null ? "" : "&after=" + next)));
            page.path("items").forEach(all::add);
            next = page.path("next").isNull() ? null : page.path("next").asText();
        } while (next != null);
        return all;
    }

    /** The background run a test started has ended, so that the next test's run of the flow is not refused. */
    private void awaitIdle(String flow) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ok(get("/api/runs?connection=" + CONNECTION + "&flow=" + flow
                + "&status=RUNNING")).isEmpty());
    }
}
