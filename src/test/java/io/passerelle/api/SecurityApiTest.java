package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.api.security.ApprovalAccess;
import io.passerelle.api.security.Capability;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class SecurityApiTest extends ApiTestSupport {

    @Autowired
    ApprovalAccess approvalAccess;
    @Autowired
    io.passerelle.api.security.ApiTokens tokens;

    @Test
    void answers401WithoutAValidToken() {
        Response none = call("GET", "/api/connections", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.node().path("status").asInt()).isEqualTo(401);
        assertThat(none.node().path("title").asText()).isEqualTo("Unauthorized");
        assertThat(none.node().path("type").asText()).isEqualTo("about:blank");
        assertThat(none.node().path("errors").isArray()).isTrue();
        assertThat(none.node().path("instance").asText()).isEqualTo("/api/connections");

        Response wrong = call("GET", "/api/connections", "not-a-token");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.node().path("detail").asText()).contains("not valid");
        assertThat(call("POST", "/api/connections", "not-a-token", "{}").status()).isEqualTo(401);
        assertThat(call("GET", "/api/runs", null).status()).isEqualTo(401);
    }

    @Test
    void everyRoleReads() {
        for (String token : new String[] {ADMIN, ENGINEER, APPROVER, VIEWER}) {
            assertThat(call("GET", "/api/connections", token).status()).as(token).isEqualTo(200);
        }
    }

    @Test
    void onlyAdminsAndEngineersWriteConnectionsAndRuns() {
        for (String token : new String[] {VIEWER, APPROVER}) {
            Response denied = call("POST", "/api/connections", token, "{}");
            assertThat(denied.status()).as(token).isEqualTo(403);
            assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
            assertThat(denied.node().path("status").asInt()).isEqualTo(403);
            assertThat(call("DELETE", "/api/connections/x", token).status()).isEqualTo(403);
            assertThat(call("POST", "/api/connections/x/sync/all", token).status()).isEqualTo(403);
            assertThat(call("POST", "/api/connections/x/test", token).status()).isEqualTo(403);
        }
        // past security, on to validation
        assertThat(call("POST", "/api/connections", ENGINEER, "{}").status()).isEqualTo(400);
        assertThat(call("POST", "/api/connections", ADMIN, "{}").status()).isEqualTo(400);
    }

    @Test
    void approvalsAreForAdminsAndApprovers() {
        // no approval controller yet: past security an unknown path is a 404, before it a 403
        assertThat(call("POST", "/api/approvals/1/accept", ENGINEER).status()).isEqualTo(403);
        assertThat(call("POST", "/api/approvals/1/accept", VIEWER).status()).isEqualTo(403);
        assertThat(call("POST", "/api/approvals/1/accept", APPROVER).status()).isEqualTo(404);
        assertThat(call("POST", "/api/approvals/1/accept", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void approvalAccessChecksTheCapabilityPerKind() {
        try {
            authenticateAs(APPROVER);
            assertThat(approvalAccess.canApprove("commitments")).isTrue();
            assertThat(approvalAccess.canApprove("invoice")).isFalse();
            authenticateAs(ADMIN);
            assertThat(approvalAccess.canApprove(Capability.INVOICES)).isTrue();
            authenticateAs(ENGINEER);
            assertThat(approvalAccess.canApprove("commitments")).isFalse();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void healthIsOpenTheRestOfTheActuatorIsNot() {
        Response health = call("GET", "/actuator/health", null);
        assertThat(health.status()).isIn(200, 503);
        assertThat(call("GET", "/actuator/info", null).status()).isEqualTo(401);
        assertThat(call("GET", "/actuator/info", VIEWER).status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        Response unknown = call("GET", "/api/nothing-here", VIEWER);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.node().has("errors")).isTrue();
        Response method = call("PATCH", "/api/connections/x", ADMIN, "{}");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.header("Content-Type")).startsWith("application/problem+json");
    }

    private void authenticateAs(String token) {
        var principal = tokens.authenticate(token).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
    }
}
