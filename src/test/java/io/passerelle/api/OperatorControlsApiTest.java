package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.RetryScope;
import io.passerelle.run.RunErrorView;
import io.passerelle.run.RunView;
import io.passerelle.run.RunningFlows;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator's controls over HTTP: each flow's watermark, shown and reset, and the retry of a run's failed
 * records (the engines are mocked here; RunRetryTest runs retries against the simulators).
 */
class OperatorControlsApiTest extends TimesheetApiSupport {

    private static final String CONNECTION = "operator-erp";
    private static final String CURSORS = "/api/connections/" + CONNECTION + "/cursors";

    @Autowired
    RunningFlows running;

    @BeforeEach
    void connectionWithoutCursors() {
        connection(CONNECTION, "OPSCO");
        jdbc.update("delete from sync_cursor where connection_id = ?", CONNECTION);
    }

    // --- cursors -------------------------------------------------------------------------------

    @Test
    void showsEveryInboundFlowOfTheErpWithItsWatermarkOrNull() {
        Instant stamp = Instant.parse("2026-11-10T08:00:00Z");
        jdbc.update("insert into sync_cursor (connection_id, company_id, entity, watermark, updated_at) select id, company_id,"
                + " 'EMPLOYEE', ?, ? from connection where id = ?", utc(stamp), utc(stamp.plusSeconds(5)), CONNECTION);

        Response listed = call("GET", CURSORS, VIEWER);

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode items = listed.node().path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).toString())
                .isEqualTo("{\"flow\":\"projects\",\"entity\":\"projects\",\"watermark\":null,\"updatedAt\":null}");
        assertThat(items.get(1).path("flow").asText()).isEqualTo("employees");
        assertThat(items.get(1).path("watermark").asText()).isEqualTo("2026-11-10T08:00:00Z");
        assertThat(items.get(1).path("updatedAt").asText()).isEqualTo("2026-11-10T08:00:05Z");
        assertThat(items.get(2).path("flow").asText()).isEqualTo("vendors");
        assertThat(items.get(2).path("watermark").isNull()).isTrue();

        assertThat(call("GET", "/api/connections/nobody/cursors", VIEWER).status()).isEqualTo(404);
    }

    @Test
    void aWatermarkIsSetThenResetToNullSoThatTheNextRunReadsEverything() {
        Response set = call("PUT", CURSORS + "/employees", ENGINEER, "{\"watermark\": \"2026-11-01T00:00:00Z\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.node().path("flow").asText()).isEqualTo("employees");
        assertThat(set.node().path("watermark").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(set.node().path("updatedAt").isTextual()).isTrue();
        assertThat(storedWatermark("EMPLOYEE")).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(call("GET", CURSORS, VIEWER).node().path("items").get(1).path("watermark").asText())
                .isEqualTo("2026-11-01T00:00:00Z");

        // an offset is an instant too; it is shown in UTC
        Response offset = call("PUT", CURSORS + "/employees", ADMIN, "{\"watermark\": \"2026-11-01T02:00:00+02:00\"}");
        assertThat(offset.node().path("watermark").asText()).isEqualTo("2026-11-01T00:00:00Z");

        Response reset = call("PUT", CURSORS + "/employees", ENGINEER, "{\"watermark\": null}");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.node().path("watermark").isNull()).isTrue();
        assertThat(reset.node().path("updatedAt").isTextual()).as("when it was reset").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from sync_cursor where connection_id = ? and entity = 'EMPLOYEE'"
                + " and watermark is null", Integer.class, CONNECTION)).isEqualTo(1);

        // a flow that never ran gets a row too
        assertThat(call("PUT", CURSORS + "/vendors", ENGINEER, "{\"watermark\": \"2026-10-01T00:00:00Z\"}").status())
                .isEqualTo(200);
        assertThat(storedWatermark("VENDOR")).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    }

    @Test
    void aBadWatermarkIsA400NamingItAndAnUnknownFlowA404() {
        for (String body : List.of("{\"watermark\": \"yesterday\"}", "{\"watermark\": \"2026-11-01\"}",
                "{\"watermark\": 1730419200}", "{\"watermark\": \"2999-01-01T00:00:00Z\"}", "{}")) {
            Response bad = call("PUT", CURSORS + "/employees", ENGINEER, body);
            assertThat(bad.status()).as(body + " → " + bad).isEqualTo(400);
            assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
            assertThat(bad.errorFields()).as(body).containsExactly("watermark");
        }
        assertThat(call("PUT", CURSORS + "/employees", ENGINEER, "[]").errorFields()).containsExactly("body");
        assertThat(call("PUT", CURSORS + "/employees", ENGINEER).status()).isEqualTo(400);

        Response unknownFlow = call("PUT", CURSORS + "/payroll", ENGINEER, "{\"watermark\": null}");
        assertThat(unknownFlow.status()).isEqualTo(404);
        assertThat(unknownFlow.errorFields()).containsExactly("flow");
        assertThat(call("PUT", "/api/connections/nobody/cursors/employees", ENGINEER, "{\"watermark\": null}").status())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from sync_cursor where connection_id = ?", Integer.class,
                CONNECTION)).isZero();
    }

    @Test
    void aWatermarkCannotChangeWhileItsFlowRunsAndTheResetHoldsNoClaimAfterwards() {
        running.claim(CONNECTION, List.of("employees"));
        try {
            Response busy = call("PUT", CURSORS + "/employees", ENGINEER, "{\"watermark\": null}");
            assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
            assertThat(busy.errorFields()).containsExactly("flow");
            assertThat(busy.node().path("detail").asText()).contains("employees").contains("once that run has finished");
            // another flow of the same connection is not held up
            assertThat(call("PUT", CURSORS + "/projects", ENGINEER, "{\"watermark\": null}").status()).isEqualTo(200);
        } finally {
            running.release(CONNECTION, "employees");
        }
        assertThat(jdbc.queryForObject("select count(*) from sync_cursor where connection_id = ? and entity = 'EMPLOYEE'",
                Integer.class, CONNECTION)).as("nothing written while it ran").isZero();

        assertThat(call("PUT", CURSORS + "/employees", ENGINEER, "{\"watermark\": \"2026-11-01T00:00:00Z\"}").status())
                .isEqualTo(200);
        running.claim(CONNECTION, List.of("employees", "projects")); // throws if the reset had kept its claim
        running.release(CONNECTION, "employees");
        running.release(CONNECTION, "projects");
    }

    @Test
    void onlyAdminsAndEngineersResetAWatermark() {
        for (String token : new String[] {VIEWER, APPROVER}) {
            assertThat(call("PUT", CURSORS + "/employees", token, "{\"watermark\": null}").status()).as(token).isEqualTo(403);
        }
        assertThat(call("PUT", CURSORS + "/employees", null, "{\"watermark\": null}").status()).isEqualTo(401);
        assertThat(call("GET", CURSORS, null).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from sync_cursor where connection_id = ?", Integer.class,
                CONNECTION)).isZero();
    }

    // --- retry ---------------------------------------------------------------------------------

    @Test
    void aSyncRunIsRetriedForItsRetryableRecordsOnlyAsANewLinkedRun() {
        when(runHistory.find(41)).thenReturn(Optional.of(run(41, "IN", "activities", "PARTIAL", null)));
        when(runHistory.errors(41)).thenReturn(List.of(
                error("03-100", "UNKNOWN_PARENT", true), error("03-110", "MISSING_FIELD", false),
                error(null, "UNKNOWN_PARENT", true)));
        when(syncLauncher.startRetry(eq(CONNECTION), eq("activities"), any())).thenReturn(77L);

        Response started = call("POST", "/api/runs/41/retry", ENGINEER);

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.node().toString()).isEqualTo("{\"runId\":77,\"retryOf\":41}");
        assertThat(started.header("Location")).endsWith("/api/runs/77");
        ArgumentCaptor<RetryScope> scope = ArgumentCaptor.forClass(RetryScope.class);
        verify(syncLauncher).startRetry(eq(CONNECTION), eq("activities"), scope.capture());
        assertThat(scope.getValue().retryOf()).isEqualTo(41);
        assertThat(scope.getValue().keys()).containsExactly("03-100");
        verify(exportLauncher, never()).startRetry(anyString(), anyString(), any());
    }

    @Test
    void anExportRunIsRetriedThroughTheExportEngineAndTheRetryShowsWhatItRetried() {
        when(runHistory.find(50)).thenReturn(Optional.of(run(50, "OUT", "timesheets", "PARTIAL", null)));
        when(runHistory.errors(50)).thenReturn(List.of(error("line-1", "NO_ANSWER", true), error("line-2", "REJECTED", false)));
        when(exportLauncher.retryAndWait(eq(CONNECTION), eq("timesheets"), any()))
                .thenReturn(run(51, "OUT", "timesheets", "SUCCEEDED", 50L));

        Response done = call("POST", "/api/runs/50/retry?wait=true", ADMIN);

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.node().path("id").asLong()).isEqualTo(51);
        assertThat(done.node().path("trigger").asText()).isEqualTo("RETRY");
        assertThat(done.node().path("retryOf").asLong()).isEqualTo(50);
        ArgumentCaptor<RetryScope> scope = ArgumentCaptor.forClass(RetryScope.class);
        verify(exportLauncher).retryAndWait(eq(CONNECTION), eq("timesheets"), scope.capture());
        assertThat(scope.getValue().keys()).containsExactly("line-1");
    }

    @Test
    void aRetryIs404ForAnUnknownRun409WhileItsFlowRuns422WithNothingToRetryAnd403ForViewers() {
        when(runHistory.find(60)).thenReturn(Optional.empty());
        Response unknown = call("POST", "/api/runs/60/retry", ENGINEER);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorFields()).containsExactly("runId");

        when(runHistory.find(61)).thenReturn(Optional.of(run(61, "IN", "employees", "SUCCEEDED", null)));
        when(runHistory.errors(61)).thenReturn(List.of(error("E-1", "DUPLICATE_KEY", false)));
        Response nothing = call("POST", "/api/runs/61/retry", ENGINEER);
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(422);
        assertThat(nothing.errorFields()).containsExactly("runId");
        assertThat(nothing.node().path("detail").asText()).contains("no failed record that can be retried");

        when(runHistory.find(62)).thenReturn(Optional.of(new RunView(62, CONNECTION, "employees", "IN", "API", "FULL",
                Instant.parse("2026-11-16T08:00:00Z"), null, "RUNNING", Map.of(), null)));
        Response going = call("POST", "/api/runs/62/retry", ENGINEER);
        assertThat(going.status()).as(going.toString()).isEqualTo(409);
        assertThat(going.node().path("detail").asText()).contains("once it has finished");

        when(runHistory.find(63)).thenReturn(Optional.of(run(63, "IN", "employees", "PARTIAL", null)));
        when(runHistory.errors(63)).thenReturn(List.of(error("E-2", "UNKNOWN_PARENT", true)));
        when(syncLauncher.startRetry(eq(CONNECTION), eq("employees"), any()))
                .thenThrow(new FlowAlreadyRunningException(CONNECTION, "employees"));
        Response running = call("POST", "/api/runs/63/retry", ENGINEER);
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.errorFields()).containsExactly("flow");

        for (String token : new String[] {VIEWER, APPROVER}) {
            assertThat(call("POST", "/api/runs/63/retry", token).status()).as(token).isEqualTo(403);
        }
        assertThat(call("POST", "/api/runs/abc/retry", ENGINEER).errorFields()).containsExactly("runId");
    }

    // --- fixtures ------------------------------------------------------------------------------

    private static RunView run(long id, String direction, String flow, String status, Long retryOf) {
        return new RunView(id, CONNECTION, flow, direction, retryOf == null ? "API" : "RETRY", "INCREMENTAL",
                Instant.parse("2026-11-16T08:00:00Z"), Instant.parse("2026-11-16T08:00:02Z"), status, Map.of(), null,
                retryOf);
    }

    private static RunErrorView error(String remoteKey, String code, boolean retryable) {
        return new RunErrorView(1, "activities", remoteKey, code, "words", null, retryable);
    }

    private Instant storedWatermark(String entity) {
        List<Timestamp> found = jdbc.queryForList("select watermark from sync_cursor where connection_id = ? and entity = ?",
                Timestamp.class, CONNECTION, entity);
        assertThat(found).hasSize(1);
        return found.get(0) == null ? null : found.get(0).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
