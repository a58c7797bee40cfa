package io.passerelle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import io.passerelle.api.ApprovalApiSupport;
import io.passerelle.console.ConsoleClient.Page;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console over plain HTTP, no browser: its session cookie, its CSRF check, and that each page and action lets
 * through exactly whom the API lets through. Shares the approval tests' context (its tokens, a mocked sync launcher).
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleAccessTest extends ApprovalApiSupport {

    private static final String COMPANY = "CON";
    /** A bootstrapped connection of the test ERP whose owner ("sandbox") is no token: only an ADMIN may run it. */
    private static final String SANDBOX_OWNED = "boot-acumatica";

    @LocalServerPort
    int port;

    private ConsoleClient signedIn(String token) {
        ConsoleClient client = new ConsoleClient(port);
        Page answer = client.signIn(token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/console/connections");
        return client;
    }

    @Test
    void signingInGivesANewHttpOnlyStrictSessionCookieAndNeverShowsTheToken() {
        ConsoleClient client = new ConsoleClient(port);
        Page form = client.get("/");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"token\">Token</label>").contains(">Sign in</button>");
        String before = form.sessionCookie();

        Page signedIn = client.post("/sign-in", Map.of("token", ADMIN));

        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
        String cookie = signedIn.sessionCookie();
        assertThat(cookie).as("a session of its own after the sign-in").isNotNull().isNotEqualTo(before)
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .doesNotContain("Max-Age").doesNotContain("Expires"); // ends with the browser, or idle on the server
        Page home = client.get(signedIn.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("Signed in as test-admin (ADMIN)").contains(SANDBOX_OWNED);
        assertThat(home.body()).doesNotContain(ADMIN);
        assertThat(signedIn.location()).doesNotContain(ADMIN).doesNotContainIgnoringCase("jsessionid");
    }

    @Test
    void anUnknownTokenIsAFailedSignInAndIsNotLoggedNorShown(CapturedOutput output) {
        ConsoleClient client = new ConsoleClient(port);
        Page refused = client.signIn("not-a-known-token-42");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text()).contains("That token is not known");
        assertThat(refused.body()).doesNotContain("not-a-known-token-42");
        assertThat(output.getAll()).contains("Failed sign-in from 127.0.0.1 on POST /sign-in: unknown token")
                .doesNotContain("not-a-known-token-42");
        assertThat(client.get("/console/connections").status()).as("still signed out").isEqualTo(302);
    }

    @Test
    void everyPageAsksToSignInFirstAndTheSessionDoesNotOpenTheApi() {
        ConsoleClient anonymous = new ConsoleClient(port);
        for (String page : List.of("/console/connections", "/console/connections/" + SANDBOX_OWNED,
                "/console/approvals", "/console/runs/1")) {
            Page answer = anonymous.get(page);
            assertThat(answer.status()).as(page).isEqualTo(302);
            assertThat(answer.location()).as(page).endsWith("/sign-in");
        }
        ConsoleClient admin = signedIn(ADMIN);
        assertThat(admin.api("/api/connections").status()).as("the API wants its bearer token, not the cookie")
                .isEqualTo(401);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndNothingRuns() {
        ConsoleClient admin = signedIn(ADMIN);
        admin.get("/console/connections/" + SANDBOX_OWNED);

        Page forged = admin.postWithout("/console/connections/" + SANDBOX_OWNED + "/sync/employees", Map.of());

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.text()).contains("this form was not sent from a page of your current session")
                .contains("Nothing was done");
        verify(syncLauncher, never()).start(anyString(), anyString(), any(Trigger.class), any(SyncMode.class));
        Page signOut = admin.postWithout("/sign-out", Map.of());
        assertThat(signOut.status()).as("no sign-out from another site either").isEqualTo(403);
        assertThat(admin.get("/console/connections").status()).isEqualTo(200);
    }

    @Test
    void aSyncIsCheckedAsTheApiChecksIt() {
        String own = connection(unique("con-sync"), COMPANY); // test-engineer's
        when(syncLauncher.start(anyString(), anyString(), any(Trigger.class), any(SyncMode.class)))
                .thenReturn(List.of(7L));

        ConsoleClient viewer = signedIn(VIEWER);
        Page readOnly = viewer.get("/console/connections/" + own);
        assertThat(readOnly.status()).isEqualTo(200);
        assertThat(readOnly.text()).contains("employees").contains("a VIEWER token may not change connections");
        assertThat(readOnly.body().split("<button", -1)).as("Sign out is its only button").hasSize(2);
        assertThat(readOnly.body()).contains(">Sign out</button>");
        assertThat(viewer.post("/console/connections/" + own + "/sync/employees").status()).isEqualTo(403);

        ConsoleClient engineer = signedIn(ENGINEER);
        engineer.get("/console/connections/" + SANDBOX_OWNED);
        Page notOwner = engineer.post("/console/connections/" + SANDBOX_OWNED + "/sync/employees");
        assertThat(notOwner.status()).isEqualTo(403);
        assertThat(notOwner.text()).contains("Not started: connection " + SANDBOX_OWNED + " belongs to sandbox");
        verify(syncLauncher, never()).start(anyString(), anyString(), any(Trigger.class), any(SyncMode.class));

        Page ownPage = engineer.get("/console/connections/" + own);
        assertThat(ownPage.body()).contains(">Sync all</button>").contains("<span>Sync</span>");
        Page started = engineer.post("/console/connections/" + own + "/sync/employees");
        assertThat(started.status()).as(started.toString()).isEqualTo(302);
        assertThat(started.location()).endsWith("/console/connections/" + own);
        verify(syncLauncher).start(own, "employees", Trigger.CONSOLE, SyncMode.INCREMENTAL);
        assertThat(engineer.get("/console/connections/" + own).text()).contains("Started employees: 1 run(s)");

        ConsoleClient admin = signedIn(ADMIN);
        admin.get("/console/connections/" + SANDBOX_OWNED);
        assertThat(admin.post("/console/connections/" + SANDBOX_OWNED + "/sync/all").status()).isEqualTo(302);
        verify(syncLauncher).start(eq(SANDBOX_OWNED), eq("all"), eq(Trigger.CONSOLE), any(SyncMode.class));
    }

    @Test
    void aDecisionIsCheckedPerKindAsTheApiChecksIt() {
        String connection = connection(unique("con-apr"), COMPANY);
        String reference = unique("SC-CON");
        String item = created("/api/commitments", commitment(COMPANY, connection, reference, 2)).node()
                .path("itemId").asText();

        String page = "/console/approvals?connection=" + connection; // the context's other tests make more
        ConsoleClient viewer = signedIn(VIEWER);
        Page ready = viewer.get(page);
        assertThat(ready.text()).contains(reference).contains("200.00").contains("T-01").contains("01-101");
        assertThat(ready.body()).doesNotContain("/accept\"").doesNotContain("/reject\"");
        assertThat(viewer.post("/console/approvals/" + item + "/accept").status()).isEqualTo(403);

        ConsoleClient invoicesOnly = signedIn(INVOICE_APPROVER);
        assertThat(invoicesOnly.get(page).body()).doesNotContain(item + "/accept");
        Page refused = invoicesOnly.post("/console/approvals/" + item + "/accept");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("test-invoice-approver (APPROVER) may not accept or reject a commitment")
                .contains("COMMITMENTS capability");
        assertThat(call("GET", "/api/approvals/" + item, VIEWER).node().path("state").asText()).isEqualTo("READY");

        ConsoleClient approver = signedIn(APPROVER);
        assertThat(approver.get(page).body()).contains(item + "/accept").contains(item + "/reject");
        Page noReason = approver.post("/console/approvals/" + item + "/reject", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text()).contains("a rejection needs a reason");
        Page accepted = approver.post("/console/approvals/" + item + "/accept", Map.of("connection", connection));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(302);
        assertThat(accepted.location()).as("back to the same rows").endsWith(page);
        assertThat(approver.get(page).text()).contains("Accepted: commitment " + reference);
        assertThat(call("GET", "/api/approvals/" + item, VIEWER).node().path("decidedBy").asText())
                .isEqualTo("test-approver");
        Page twice = approver.post("/console/approvals/" + item + "/accept");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text()).contains("ACCEPTED, not READY");
        assertThat(approver.get("/console/approvals?state=accepted&connection=" + connection).text())
                .contains(reference)
                .contains("by test-approver");
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleClient admin = signedIn(ADMIN);
        admin.get("/console/connections");

        Page out = admin.post("/sign-out");

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).endsWith("/sign-in?signed-out");
        assertThat(admin.get("/console/connections").status()).isEqualTo(302);
        assertThat(admin.get("/sign-in?signed-out").text()).contains("You are signed out.");
    }

    @Test
    void theConsoleSpeaksFrenchToABrowserThatPrefersFrench() {
        Page french = new ConsoleClient(port, "fr-CA,fr;q=0.9,en;q=0.5").get("/sign-in");
        assertThat(french.body()).contains("lang=\"fr\"").contains("<label for=\"token\">Jeton</label>")
                .contains(">Se connecter</button>");
        Page english = new ConsoleClient(port, "de-DE,en;q=0.5").get("/sign-in");
        assertThat(english.body()).contains("lang=\"en\"").contains(">Token</label>").contains(">Sign in</button>");
    }
}
