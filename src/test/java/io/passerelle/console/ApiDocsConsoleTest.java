package io.passerelle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.passerelle.SandboxApiTest;
import io.passerelle.console.ConsoleClient.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Swagger UI is a page of the console: a person signs in to read it, and it reads the OpenAPI document with that
 * session. The session opens no API call: "Try it out" sends the token typed into Authorize, or nothing. In a real
 * browser, under the page's Content-Security-Policy, it shows the operations of each capability.
 */
@SandboxApiTest
class ApiDocsConsoleTest {

    static final String ADMIN = "test-admin-token";
    static final String ALICE = "alice-token";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        if (Chromium.installed()) {
            browser = Chromium.start("en-US");
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void swaggerUiLeadsToTheSignInWithoutASession() {
        ConsoleClient client = new ConsoleClient(port);
        for (String page : new String[] {"/swagger-ui/index.html", "/swagger-ui.html"}) {
            Page answer = client.get(page);
            assertThat(answer.status()).as(page + ": " + answer).isEqualTo(302);
            assertThat(answer.location()).as(page).endsWith("/sign-in");
            assertThat(answer.sessionCookie()).as("no session made for it").isNull();
        }
        Page document = client.api("/v3/api-docs");
        assertThat(document.status()).isEqualTo(401);
        assertThat(document.body()).contains("\"status\":401");
    }

    @Test
    void aSignedInPersonReadsSwaggerUiAndTheDocumentWhoseSessionOpensNoApiCall() {
        ConsoleClient client = new ConsoleClient(port);
        Page signedIn = client.signIn(ALICE);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);

        Page ui = client.get("/swagger-ui/index.html");
        assertThat(ui.status()).as(ui.toString()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-initializer.js").doesNotContain("<script>");
        Page config = client.api("/v3/api-docs/swagger-config");
        assertThat(config.status()).as(config.toString()).isEqualTo(200);
        Page document = client.api("/v3/api-docs");
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        assertThat(document.body()).contains("\"title\":\"Passerelle\"").contains("/api/connections/{id}/sync/{flow}");

        // what "Try it out" sends without a token typed into Authorize: the session cookie alone
        Page call = client.api("/api/connections");
        assertThat(call.status()).as(call.toString()).isEqualTo(401);
    }

    @Test
    void anEngineerSignsOutAndSwaggerUiIsClosedAgain() {
        ConsoleClient client = new ConsoleClient(port);
        client.signIn(ALICE);
        client.get("/console/connections");
        Page out = client.post("/sign-out");
        assertThat(out.status()).as(out.toString()).isEqualTo(302);
        assertThat(client.get("/swagger-ui/index.html").location()).endsWith("/sign-in");
        assertThat(client.api("/v3/api-docs").status()).isEqualTo(401);
    }

    @Test
    @EnabledIf(value = "io.passerelle.console.Chromium#installed", disabledReason = Chromium.MISSING)
    void inABrowserSwaggerUiShowsTheOperationsAndTriesThemWithTheTokenTypedInAuthorizeOnly() {
        Person person = new Person(browser, port);
        person.forget();
        person.open("/swagger-ui.html");
        assertThat(browser.getCurrentUrl()).as("before signing in").endsWith("/sign-in");

        person.signIn(ADMIN);
        person.open("/swagger-ui.html");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(person.text())
                .contains("Passerelle")
                .contains("connections").contains("approvals").contains("import jobs").contains("catalogue")
                .contains("/api/connections/{id}/sync/{flow}")
                .contains("/api/approvals/{itemId}/reject"));
        assertThat(person.text()).as("every reference of the document resolves").doesNotContain("Resolver error");
        person.screenshot("swagger-ui");

        operation(person, "GET /api/runs").click();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> person.maybeButton("Try it out").isPresent());
        assertThat(person.text()).contains("Roles: ADMIN, ENGINEER, APPROVER, VIEWER.");
        person.button("Try it out").click();
        person.button("Execute").click();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(serverResponse(person))
                .as("the session alone opens no API call").startsWith("Code Details\n401"));

        person.button("Authorize").click();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> person.field("Value:").isDisplayed());
        person.field("Value:").sendKeys(ALICE);
        person.button("Apply credentials").click();
        person.button("Close").click();
        person.button("Execute").click();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(serverResponse(person))
                .as("with the token typed into Authorize").startsWith("Code Details\n200"));
        Object storage = ((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage)");
        assertThat(storage.toString()).as("the token is kept in the page only").doesNotContain(ALICE);
    }

    /** An operation's row, by what it says: its method and path ("GET /api/runs"). */
    private static WebElement operation(Person person, String call) {
        String wanted = call.replaceAll("\\s", "");
        return person.buttons().stream()
                .filter(b -> b.getAccessibleName().replaceAll("[\\s\u200b]", "").equals(wanted))
                .findFirst().orElseThrow(() -> new AssertionError("no operation " + call + " in: " + person.text()));
    }

    /** What Swagger UI shows under "Server response" after Execute. */
    private static String serverResponse(Person person) {
        String text = person.text();
        int at = text.indexOf("Server response");
        return at < 0 ? "" : text.substring(at + "Server response".length()).strip();
    }
}
