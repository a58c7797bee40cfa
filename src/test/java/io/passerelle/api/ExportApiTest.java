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
import io.passerelle.run.RunView;
import io.passerelle.run.Trigger;
import io.passerelle.run.UnknownFlowException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportApiTest extends TimesheetApiSupport {

    private static final String CONNECTION = "export-erp";
    private static final String PATH = "/api/connections/" + CONNECTION + "/export/";

    @BeforeEach
    void connectionExists() {
        connection(CONNECTION, "EXPCO");
    }

    @Test
    void startsAnExportAndAnswers202WithItsRunId() {
        when(exportLauncher.start(CONNECTION, "timesheets", Trigger.API)).thenReturn(57L);
        Response accepted = call("POST", PATH + "timesheets", ENGINEER);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.node().toString()).isEqualTo("{\"runId\":57}");
        assertThat(accepted.header("Location")).endsWith("/api/runs/57");

        when(exportLauncher.start(CONNECTION, "timesheets", Trigger.API)).thenReturn(58L);
        assertThat(call("POST", PATH + "timesheets?wait=false", ADMIN).node().path("runId").asLong()).isEqualTo(58);
    }

    @Test
    void waitsForTheFinishedRun() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : new String[] {"read", "sent", "accepted", "duplicates", "rejected", "unknown", "failed"}) {
            counts.put(name, 0);
        }
        counts.put("read", 15);
        counts.put("sent", 15);
        counts.put("accepted", 15);
        when(exportLauncher.runAndWait(CONNECTION, "timesheets", Trigger.API)).thenReturn(new RunView(61, CONNECTION,
                "timesheets", "OUT", "API", "INCREMENTAL", Instant.parse("2026-11-16T08:00:00Z"),
                Instant.parse("2026-11-16T08:00:02Z"), "SUCCEEDED", counts, null));
        Response done = call("POST", PATH + "timesheets?wait=true", ENGINEER);
        assertThat(done.status()).isEqualTo(200);
        JsonNode run = done.node();
        assertThat(run.path("id").asLong()).isEqualTo(61);
        assertThat(run.path("direction").asText()).isEqualTo("OUT");
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").toString()).isEqualTo(
                "{\"read\":15,\"sent\":15,\"accepted\":15,\"duplicates\":0,\"rejected\":0,\"unknown\":0,\"failed\":0}");
    }

    @Test
    void mapsErrorsAsTheSyncEndpointDoes() {
        when(exportLauncher.start(eq(CONNECTION), eq("payroll"), any())).thenThrow(new UnknownFlowException("acumatica", "payroll"));
        Response unknownFlow = call("POST", PATH + "payroll", ENGINEER);
        assertThat(unknownFlow.status()).isEqualTo(404);
        assertThat(unknownFlow.errorFields()).containsExactly("flow");

        when(exportLauncher.runAndWait(eq(CONNECTION), eq("timesheets"), any()))
                .thenThrow(new FlowAlreadyRunningException(CONNECTION, "timesheets"));
        Response running = call("POST", PATH + "timesheets?wait=true", ENGINEER);
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.errorFields()).containsExactly("flow");

        when(exportLauncher.start(eq(CONNECTION), eq("invoices"), any())).thenThrow(new NoSuchElementException("gone"));
        assertThat(call("POST", PATH + "invoices", ENGINEER).status()).isEqualTo(404);

        assertThat(call("POST", "/api/connections/nobody/export/timesheets", ENGINEER).status()).isEqualTo(404);
        verify(exportLauncher, never()).start(eq("nobody"), anyString(), any());
        assertThat(call("POST", PATH + "timesheets?wait=maybe", ENGINEER).errorFields()).containsExactly("wait");
    }

    @Test
    void onlyAdminsAndEngineersExport() {
        for (String token : new String[] {VIEWER, APPROVER}) {
            assertThat(call("POST", PATH + "timesheets", token).status()).as(token).isEqualTo(403);
        }
        assertThat(call("POST", PATH + "timesheets", null).status()).isEqualTo(401);
        verify(exportLauncher, never()).start(anyString(), anyString(), any());
    }
}
