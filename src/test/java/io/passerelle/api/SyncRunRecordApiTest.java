package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.RunErrorView;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.run.UnknownFlowException;
import io.passerelle.sync.ProjectRefusedException;
import io.passerelle.sync.RecordPage;
import io.passerelle.sync.UnknownEntityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SyncRunRecordApiTest extends ApiTestSupport {

    private static final String CONNECTION = "acme-runs";

    @BeforeEach
    void connectionExists() {
        if (call("GET", "/api/connections/" + CONNECTION, ADMIN).status() == 404) {
            // open: its records are read by the VIEWER, who reads the data of open connections only
            Map<String, Object> open = ConnectionApiTest.payload(CONNECTION);
            open.put("allowOthersToEdit", true);
            Response created = call("POST", "/api/connections", ADMIN, toJson(open));
            assertThat(created.status()).isEqualTo(201);
        }
    }

    static RunView run(long id, String flow, String status) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("read", 1200);
        counts.put("created", 3);
        counts.put("updated", 10);
        counts.put("unchanged", 1187);
        counts.put("rejected", 0);
        counts.put("failed", 0);
        return new RunView(id, CONNECTION, flow, "IN", "API", "INCREMENTAL", Instant.parse("2026-11-16T08:00:00Z"),
                Instant.parse("2026-11-16T08:00:05.250Z"), status, counts, null);
    }

    @Test
    void startsARunAndAnswers202WithItsId() {
        when(syncLauncher.start(CONNECTION, "employees", Trigger.API, SyncMode.INCREMENTAL)).thenReturn(List.of(41L));
        Response accepted = call("POST", "/api/connections/" + CONNECTION + "/sync/employees", ENGINEER);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.node().path("runId").asLong()).isEqualTo(41);
        assertThat(accepted.node().path("runIds").toString()).isEqualTo("[41]");
        assertThat(accepted.header("Location")).endsWith("/api/runs/41");
    }

    @Test
    void fullModeIgnoresTheCursor() {
        when(syncLauncher.start(CONNECTION, "all", Trigger.API, SyncMode.FULL)).thenReturn(List.of(7L, 8L, 9L));
        Response accepted = call("POST", "/api/connections/" + CONNECTION + "/sync/all?mode=full", ADMIN);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.node().path("runId").asLong()).isEqualTo(7);
        assertThat(accepted.node().path("runIds").toString()).isEqualTo("[7,8,9]");

        Response badMode = call("POST", "/api/connections/" + CONNECTION + "/sync/all?mode=fast", ADMIN);
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.errorFields()).containsExactly("mode");
    }

    @Test
    void waitsForTheFinishedRun() {
        when(syncLauncher.runAndWait(CONNECTION, "employees", Trigger.API, SyncMode.INCREMENTAL))
                .thenReturn(List.of(run(41, "employees", "SUCCEEDED")));
        Response done = call("POST", "/api/connections/" + CONNECTION + "/sync/employees?wait=true", ENGINEER);
        assertThat(done.status()).isEqualTo(200);
        JsonNode run = done.node();
        assertThat(run.path("id").asLong()).isEqualTo(41);
        assertThat(run.path("trigger").asText()).isEqualTo("API");
        assertThat(run.path("direction").asText()).isEqualTo("IN");
        assertThat(run.path("startedAt").asText()).isEqualTo("2026-11-16T08:00:00Z");
        assertThat(run.path("finishedAt").asText()).isEqualTo("2026-11-16T08:00:05.250Z");
        assertThat(run.path("counts").toString())
                .isEqualTo("{\"read\":1200,\"created\":3,\"updated\":10,\"unchanged\":1187,\"rejected\":0,\"failed\":0}");
        assertThat(run.has("message")).isTrue();
    }

    @Test
    void waitingForAllAnswersEveryRunAndTheWorstStatus() {
        when(syncLauncher.runAndWait(CONNECTION, "all", Trigger.API, SyncMode.INCREMENTAL)).thenReturn(List.of(
                run(1, "projects", "SUCCEEDED"), run(2, "employees", "PARTIAL"), run(3, "trades", "SUCCEEDED")));
        Response done = call("POST", "/api/connections/" + CONNECTION + "/sync/all?wait=true", ENGINEER);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.node().path("runs")).hasSize(3);
        assertThat(done.node().path("status").asText()).isEqualTo("PARTIAL");
    }

    @Test
    void oneProjectsRecordsStartARunOfThatProjectAndRefusalsNameTheProject() {
        when(syncLauncher.startProject(CONNECTION, "activities", Trigger.API, "P-1003")).thenReturn(52L);
        Response accepted = call("POST", "/api/connections/" + CONNECTION + "/sync/activities?project=P-1003", ENGINEER);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.node().path("runIds").toString()).isEqualTo("[52]");
        assertThat(accepted.header("Location")).endsWith("/api/runs/52");

        RunView run = run(53, "activities", "SUCCEEDED");
        when(syncLauncher.projectAndWait(CONNECTION, "activities", Trigger.API, "P-1003")).thenReturn(new RunView(
                run.id(), run.connection(), run.flow(), run.direction(), run.trigger(), "FULL", run.startedAt(),
                run.finishedAt(), run.status(), run.counts(), null, null, null, "P-1003"));
        Response done = call("POST", "/api/connections/" + CONNECTION + "/sync/activities?project=P-1003&wait=true", ENGINEER);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.node().path("project").asText()).isEqualTo("P-1003");
        assertThat(done.node().path("flow").asText()).isEqualTo("activities");

        when(syncLauncher.startProject(CONNECTION, "activities", Trigger.API, "P-9999"))
                .thenThrow(new ProjectRefusedException("no project 'P-9999' among the synced projects", true));
        Response unknown = call("POST", "/api/connections/" + CONNECTION + "/sync/activities?project=P-9999", ENGINEER);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactly("project");
        when(syncLauncher.startProject(CONNECTION, "employees", Trigger.API, "P-1003"))
                .thenThrow(new ProjectRefusedException("flow employees of acumatica cannot sync one project's records alone",
                        false));
        Response refused = call("POST", "/api/connections/" + CONNECTION + "/sync/employees?project=P-1003", ENGINEER);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("project");
        assertThat(call("POST", "/api/connections/" + CONNECTION + "/sync/activities?project=", ENGINEER).errorFields())
                .containsExactly("project");
        assertThat(call("POST", "/api/connections/nobody/sync/activities?project=P-1003", ENGINEER).status())
                .isEqualTo(404);
    }

    @Test
    void unknownFlowsRunningFlowsAndUnknownConnections() {
        when(syncLauncher.start(eq(CONNECTION), eq("payroll"), any(), any()))
                .thenThrow(new UnknownFlowException("acumatica", "payroll"));
        Response unknown = call("POST", "/api/connections/" + CONNECTION + "/sync/payroll", ENGINEER);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorFields()).containsExactly("flow");

        when(syncLauncher.start(eq(CONNECTION), eq("projects"), any(), any()))
                .thenThrow(new FlowAlreadyRunningException(CONNECTION, "projects"));
        assertThat(call("POST", "/api/connections/" + CONNECTION + "/sync/projects", ENGINEER).status()).isEqualTo(409);

        assertThat(call("POST", "/api/connections/nobody/sync/all", ENGINEER).status()).isEqualTo(404);
        assertThat(call("POST", "/api/connections/" + CONNECTION + "/sync/all?wait=maybe", ENGINEER).errorFields())
                .containsExactly("wait");
    }

    @Test
    void listsRunsWithFiltersAndLimits() {
        when(runHistory.search(any(), any(), any(), org.mockito.ArgumentMatchers.anyInt()))
                .thenReturn(List.of(run(2, "employees", "FAILED"), run(1, "employees", "SUCCEEDED")));
        Response runs = call("GET", "/api/runs?connection=" + CONNECTION + "&flow=employees&status=failed&limit=900", VIEWER);
        assertThat(runs.status()).isEqualTo(200);
        assertThat(runs.node()).hasSize(2);
        verify(runHistory).search(CONNECTION, "employees", "FAILED", 500);

        call("GET", "/api/runs", VIEWER);
        verify(runHistory).search(isNull(), isNull(), isNull(), eq(50));

        assertThat(call("GET", "/api/runs?status=GREAT", VIEWER).errorFields()).containsExactly("status");
        assertThat(call("GET", "/api/runs?limit=0", VIEWER).errorFields()).containsExactly("limit");
        assertThat(call("GET", "/api/runs?limit=ten", VIEWER).errorFields()).containsExactly("limit");
    }

    @Test
    void showsARunAndItsErrors() {
        when(runHistory.find(41)).thenReturn(Optional.of(run(41, "employees", "PARTIAL")));
        when(runHistory.errors(41)).thenReturn(List.of(
                new RunErrorView(1, "employees", "E-00042", "REJECTED", "no trade", "{\"number\":\"E-00042\"}", false)));
        assertThat(call("GET", "/api/runs/41", VIEWER).node().path("status").asText()).isEqualTo("PARTIAL");
        JsonNode errors = call("GET", "/api/runs/41/errors", VIEWER).node();
        assertThat(errors.get(0).path("remoteKey").asText()).isEqualTo("E-00042");
        assertThat(errors.get(0).path("retryable").asBoolean()).isFalse();

        when(runHistory.find(42)).thenReturn(Optional.empty());
        assertThat(call("GET", "/api/runs/42", VIEWER).status()).isEqualTo(404);
        assertThat(call("GET", "/api/runs/42/errors", VIEWER).status()).isEqualTo(404);
        assertThat(call("GET", "/api/runs/abc", VIEWER).errorFields()).containsExactly("runId");
    }

    @Test
    void pagesThroughRecords() {
        when(recordReader.list(CONNECTION, "employees", "tremblay", 50, null)).thenReturn(new RecordPage(
                List.of(Map.of("number", "E-00042", "remoteKey", "E-00042", "lastSyncedAt", "2026-11-16T08:00:05Z")),
                "E-00042"));
        Response page = call("GET", "/api/connections/" + CONNECTION + "/records/employees?q=tremblay", VIEWER);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.node().path("items").get(0).path("remoteKey").asText()).isEqualTo("E-00042");
        assertThat(page.node().path("next").asText()).isEqualTo("E-00042");

        when(recordReader.list(eq(CONNECTION), eq("widgets"), any(), org.mockito.ArgumentMatchers.anyInt(), any()))
                .thenThrow(new UnknownEntityException("widgets"));
        Response unknown = call("GET", "/api/connections/" + CONNECTION + "/records/widgets", VIEWER);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorFields()).containsExactly("entity");
        assertThat(unknown.node().path("detail").asText()).contains("widgets");

        assertThat(call("GET", "/api/connections/nobody/records/employees", VIEWER).status()).isEqualTo(404);
        verify(recordReader, org.mockito.Mockito.never()).list(eq("nobody"), anyString(), any(),
                org.mockito.ArgumentMatchers.anyInt(), any());
    }

    @Test
    void aCursorOrLimitNoPageReturnedIsA400NamingItWithNoStackTraceInTheLog(CapturedOutput output) {
        String records = "/api/connections/" + CONNECTION + "/records/employees";
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("?after=abc", "after");
        bad.put("?after=-1", "after");
        bad.put("?after=1.5", "after");
        bad.put("?after=99999999999999999999", "after");
        bad.put("?limit=abc", "limit");
        bad.put("?limit=0", "limit");
        bad.put("?q=" + "x".repeat(RecordController.MAX_QUERY + 1), "q");
        bad.forEach((query, field) -> {
            Response answer = call("GET", records + query, VIEWER);
            assertThat(answer.status()).as(query + " → " + answer).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.errorFields()).as(query).containsExactly(field);
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at io.");
        });
        verify(recordReader, org.mockito.Mockito.never()).list(anyString(), anyString(), any(),
                org.mockito.ArgumentMatchers.anyInt(), any());
        assertThat(output.getAll()).doesNotContain("NumberFormatException").doesNotContain("Unexpected error")
                .doesNotContain("\tat io.passerelle");

        when(recordReader.list(CONNECTION, "employees", null, 50, 41L)).thenReturn(new RecordPage(List.of(), null));
        Response next = call("GET", records + "?after=41", VIEWER);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.node().path("next").isNull()).isTrue();
    }
}
