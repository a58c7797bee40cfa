package io.passerelle.console;

import static io.passerelle.api.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.api.ApiClient;
import io.passerelle.api.ApiTestSupport.Response;
import io.passerelle.sandbox.acumatica.AcumaticaSimulator;
import io.passerelle.sandbox.acumatica.EntityType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The console in a real browser (headless Chromium) against the sandbox, as its people use it: an ADMIN syncs
 * Avantage's employees from the connection's page; an APPROVER of commitments and invoices accepts a commitment from
 * its row; a VIEWER reads it with no button; an approver of invoices only gets no Accept on it; Sign out ends the
 * session; a form posted without its CSRF token changes nothing. Skipped, saying why, without Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.security.tokens[0].name=test-admin",
        "passerelle.security.tokens[0].role=ADMIN",
        "passerelle.security.tokens[0].sha256=17d6bfe05d1b1fb7bc499f8e3f639c7b3eda4c40f321eef8887a0c04c89a99c5",
        "passerelle.security.tokens[1].name=console-approver",
        "passerelle.security.tokens[1].role=APPROVER",
        "passerelle.security.tokens[1].capabilities=COMMITMENTS,INVOICES",
        // sha-256 of "console-approver-token"
        "passerelle.security.tokens[1].sha256=14ed8fadfc1270f751d1a74cfa71585ecaed38b65a9129226d26a42fbe8eed49",
        "passerelle.security.tokens[2].name=test-invoice-approver",
        "passerelle.security.tokens[2].role=APPROVER",
        "passerelle.security.tokens[2].capabilities=INVOICES",
        "passerelle.security.tokens[2].sha256=e737d39ccbbb6ba550f1e9dabdf085d5cb618f890604abe1d7516bbf7519e541",
        "passerelle.security.tokens[3].name=test-viewer",
        "passerelle.security.tokens[3].role=VIEWER",
        "passerelle.security.tokens[3].sha256=04afacc947b28c94e15578a9db68c1d1bf775b3ff82bc88e31d4465f26bc0b42",
})
@ActiveProfiles({"sandbox", "test"})
@EnabledIf(value = "io.passerelle.console.Chromium#installed", disabledReason = Chromium.MISSING)
class ConsoleBrowserTest extends BrowserTest {

    static final String ADMIN = "test-admin-token";
    static final String APPROVER = "console-approver-token";
    static final String INVOICE_APPROVER = "test-invoice-approver-token";
    static final String VIEWER = "test-viewer-token";
    static final String ACUMATICA = "sandbox-acumatica";
    static final String AVANTAGE = "sandbox-avantage";
    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The sandbox Avantage server's encryption key (config/connections-sandbox.yaml's default). */
    private static final String AVANTAGE_KEY = "cGFzc2VyZWxsZS1zYW5kYm94LWF2YW50YWdlLWRlbW8=";

    /** The Acumatica records a commitment names are synced once, by the first test that needs them. */
    private static boolean acumaticaSynced;

    @Autowired
    ObjectMapper json;
    @Autowired
    AcumaticaSimulator acumatica;
    @Value("${passerelle.sandbox.avantage.bound-port}")
    int avantagePort;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, json);
    }

    @Test
    void anAdminSyncsAvantageEmployeesFromTheConnectionsPageAndSeesThemSucceed() {
        person.signIn(ADMIN);
        WebElement connections = person.table("Connections, with the last run of each flow");
        WebElement avantage = person.row(connections, AVANTAGE);
        assertThat(person.cell(connections, avantage, "ERP")).isEqualTo("avantage");
        assertThat(person.cell(connections, avantage, "Owner")).isEqualTo("sandbox");
        person.screenshot("connections");

        person.press(person.link(AVANTAGE));
        assertThat(person.heading()).isEqualTo("Connection " + AVANTAGE);
        person.press(person.button("Sync employees"));

        assertThat(person.text()).contains("Started employees: 1 run(s)");
        // the page reads itself again while the run goes on: a person only waits
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            WebElement flows = person.table("Inbound flows, in the order Sync all runs them");
            return person.cell(flows, person.row(flows, "employees"), "Status").equals("SUCCEEDED");
        });
        WebElement runs = person.table("The latest runs of this connection, newest first");
        WebElement latest = runs.findElement(By.cssSelector("tbody > tr"));
        assertThat(person.cell(runs, latest, "Flow")).isEqualTo("employees");
        assertThat(person.cell(runs, latest, "Trigger")).isEqualTo("CONSOLE");
        assertThat(person.cell(runs, latest, "Counts")).contains("read ");
        person.screenshot("connection");

        String runId = person.cell(runs, latest, "Run");
        person.press(person.link(runId));
        assertThat(person.heading()).isEqualTo("Run " + runId);
        assertThat(person.text()).contains("SUCCEEDED").contains("Records that failed");
        person.screenshot("run");
    }

    @Test
    void anAdminMakesAnAvantageConnectionWithTheNewConnectionFormAndItIsTested() {
        person.signIn(ADMIN);
        person.press(person.link("New connection"));
        person.screenshot("new-connection");
        person.press(person.link("Connect to avantage"));
        assertThat(person.heading()).isEqualTo("New avantage connection");
        assertThat(person.text()).contains("Before you start").contains("MainTCP");
        String id = "browser-avantage-" + NEXT.getAndIncrement();
        person.field("Connection id *").sendKeys(id);
        person.field("Company code *").sendKeys("BRW" + NEXT.get());
        person.field("Company name *").sendKeys("Browser Bâtiments inc.");
        person.field("Endpoint URL *").sendKeys("tcp://127.0.0.1:" + avantagePort);
        person.field("user *").sendKeys("integration");
        person.field("password *").sendKeys("sandbox");
        person.field("encryptionKey").sendKeys(AVANTAGE_KEY);
        person.field("Allow others to edit").click();
        person.screenshot("new-connection-form");

        person.press(person.button("Create and test"));

        assertThat(person.heading()).isEqualTo("Connection " + id);
        assertThat(person.text()).contains("Connection " + id + " created.").contains("Test passed:")
                .contains("Others may now edit this connection");
        person.press(person.button("Sync employees"));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            WebElement flows = person.table("Inbound flows, in the order Sync all runs them");
            return person.cell(flows, person.row(flows, "employees"), "Status").equals("SUCCEEDED");
        });
        person.press(person.link("employees"));
        assertThat(person.heading()).isEqualTo("Connection " + id);
        WebElement records = person.table("Records of employees, as the last runs wrote them");
        String number = records.findElement(By.cssSelector("tbody > tr > td:nth-child(2)")).getText();
        person.field("Search the records").sendKeys(number);
        person.press(person.button("Find"));
        assertThat(person.table("Records of employees, as the last runs wrote them")
                .findElements(By.cssSelector("tbody > tr"))).hasSize(1);
        person.screenshot("connection-flow");
        assertThat(api.call("GET", "/api/connections/" + id, ADMIN, null).node().path("allowOthersToEdit")
                .asBoolean()).isTrue();
    }

    @Test
    void anApproverAcceptsACommitmentFromItsRow() {
        String reference = commitment();
        person.signIn(APPROVER);
        person.press(person.link("Approvals"));
        WebElement ready = person.table("Documents waiting for a decision");
        WebElement row = person.row(ready, reference);
        assertThat(person.cell(ready, row, "Total")).isEqualTo("12,500.00");
        assertThat(row.findElement(By.tagName("table")).getText()).contains("Coffrage");
        person.screenshot("approvals");

        person.press(row.findElements(By.tagName("button")).stream()
                .filter(b -> ("Accept " + reference).equals(b.getAccessibleName())).findFirst().orElseThrow());

        assertThat(person.text()).contains("Accepted: commitment " + reference);
        assertThat(person.text()).doesNotContain(reference + " SUBCONTRACT");
        person.press(person.link("Accepted"));
        WebElement accepted = person.table("Accepted documents, waiting for or on their way to the ERP");
        assertThat(person.cell(accepted, person.row(accepted, reference), "Decision")).contains("by console-approver");
        assertThat(person.row(accepted, reference).findElements(By.tagName("button"))).isEmpty();
    }

    @Test
    void aViewerSeesTheCommitmentWithNoButton() {
        String reference = commitment();
        person.signIn(VIEWER);
        person.press(person.link("Approvals"));
        WebElement ready = person.table("Documents waiting for a decision");
        WebElement row = person.row(ready, reference);

        assertThat(row.getText()).contains("12,500.00").contains("Coffrage, phase 1");
        assertThat(row.findElements(By.tagName("button"))).isEmpty();
        assertThat(row.findElements(By.tagName("input"))).isEmpty();
        assertThat(person.buttons()).as("none that would be refused").extracting(WebElement::getAccessibleName)
                .containsExactlyInAnyOrder("Show", "Sign out");

        person.press(person.link("Connections"));
        person.press(person.link(AVANTAGE));
        assertThat(person.text()).contains("a VIEWER token may not change connections");
        assertThat(person.buttons()).extracting(WebElement::getAccessibleName).containsExactly("Sign out");
    }

    @Test
    void anInvoiceApproverRejectsAnInvoiceWithItsReason() {
        String reference = invoice();
        person.signIn(INVOICE_APPROVER);
        person.press(person.link("Approvals"));
        WebElement row = person.row(person.table("Documents waiting for a decision"), reference);
        assertThat(row.getText()).contains("12,500.00");

        person.field("Reason " + reference).sendKeys("Montant erroné: 12 500 au lieu de 1 250");
        person.press(person.button("Reject " + reference));

        assertThat(person.text()).contains("Rejected: invoice " + reference);
        person.press(person.link("Rejected"));
        WebElement rejected = person.table(person.browser().findElements(By.tagName("caption")).stream()
                .map(WebElement::getText).filter(c -> c.startsWith("Rejected")).findFirst().orElseThrow());
        assertThat(person.row(rejected, reference).getText()).contains("Montant erroné");
        assertThat(api.call("GET", "/api/invoices", ADMIN, null).body()).contains(reference);
    }

    @Test
    void anInvoiceOnlyApproverGetsNoAcceptOnACommitment() {
        String reference = commitment();
        person.signIn(INVOICE_APPROVER);
        person.press(person.link("Approvals"));
        WebElement row = person.row(person.table("Documents waiting for a decision"), reference);

        assertThat(row.findElements(By.tagName("button"))).isEmpty();
        assertThat(person.maybeButton("Accept " + reference)).isEmpty();
        assertThat(person.maybeButton("Reject " + reference)).isEmpty();
    }

    @Test
    void signingOutEndsTheSession() {
        person.signIn(VIEWER);
        person.press(person.button("Sign out"));

        assertThat(person.text()).contains("You are signed out.");
        person.open("/console/connections");
        assertThat(person.heading()).isEqualTo("Sign in to Passerelle");
        assertThat(person.field("Token").isDisplayed()).isTrue();
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndRunsNothing() {
        person.signIn(ADMIN);
        int before = runs(AVANTAGE, "trades");

        Object status = ((JavascriptExecutor) person.browser()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/console/connections/" + AVANTAGE + "/sync/trades', {method: 'POST',"
                        + " credentials: 'same-origin', redirect: 'manual'})"
                        + ".then(r => done(r.status), e => done(String(e)));");

        assertThat(status).isEqualTo(403L);
        assertThat(runs(AVANTAGE, "trades")).isEqualTo(before);
        person.open("/console/connections");
        assertThat(person.heading()).as("still signed in").isEqualTo("Connections");
    }

    // --- fixtures -------------------------------------------------------------------------------

    private int runs(String connection, String flow) {
        return ok(api.call("GET", "/api/runs?connection=" + connection + "&flow=" + flow, ADMIN)).size();
    }

    /** A READY commitment of the Acumatica sandbox, created through the API; answers its reference. */
    private String commitment() {
        return document("/api/commitments", "SC-CONSOLE-");
    }

    private String invoice() {
        return document("/api/invoices", "INV-CONSOLE-");
    }

    /** A commitment (a SUBCONTRACT) or an invoice of one line of 12,500.00 on synced Acumatica records. */
    private String document(String path, String prefix) {
        if (!acumaticaSynced) {
            for (String flow : List.of("vendors", "projects", "projectTasks", "costCodes")) {
                JsonNode run = ok(api.call("POST", "/api/connections/" + ACUMATICA + "/sync/" + flow + "?wait=true",
                        ADMIN));
                assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
            }
            acumaticaSynced = true;
        }
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
        line.put("amount", 12500.00);
        String reference = prefix + NEXT.getAndIncrement();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", "LAURENT");
        body.put("connection", ACUMATICA);
        body.put("reference", reference);
        body.put("vendorId", vendor);
        body.put("projectId", project);
        body.put("description", "Coffrage, phase 1");
        body.put("date", "2026-11-16");
        if (path.endsWith("commitments")) {
            body.put("type", "SUBCONTRACT");
            line.put("quantity", 10);
            line.put("unitCost", 1250.00);
        } else {
            body.put("dueDate", "2026-12-16");
        }
        body.put("lines", List.of(line));
        Response created = api.call("POST", path, ADMIN, api.write(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return reference;
    }

    private static String value(ObjectNode document, String field) {
        return document.path(field).path("value").asText();
    }
}
