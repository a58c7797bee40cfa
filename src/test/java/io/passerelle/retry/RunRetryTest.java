package io.passerelle.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.SandboxTest;
import io.passerelle.codemap.CodeMapDocument;
import io.passerelle.codemap.CodeMapEntry;
import io.passerelle.codemap.CodeMapService;
import io.passerelle.export.ExportLauncher;
import io.passerelle.run.RecordError;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.avantage.Activity;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sandbox.avantage.Project;
import io.passerelle.sandbox.avantage.TimesheetLine;
import io.passerelle.sync.RecordReader;
import io.passerelle.sync.SyncLauncher;
import io.passerelle.timesheet.LineRequest;
import io.passerelle.timesheet.LineView;
import io.passerelle.timesheet.TimesheetRequest;
import io.passerelle.timesheet.TimesheetService;
import io.passerelle.timesheet.TimesheetView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/runs/{id}/retry} against the simulators: only the run's retryable failed records go again, in a
 * new run linked to it; an export item in doubt is asked about, never blindly resent; a sync retry writes only the
 * records that failed and leaves the flow's watermark alone. Each test leaves nothing pending for the others.
 */
@SandboxTest
class RunRetryTest {

    static final String CONNECTION = "sandbox-avantage";
    /** Employees from the end of the sandbox's list, so that no other test's sheets share their days. */
    static final AtomicInteger LAST_EMPLOYEE = new AtomicInteger(1);

    @Autowired
    RunRetries retries;
    @Autowired
    RunHistory history;
    @Autowired
    RunStore runs;
    @Autowired
    SyncLauncher sync;
    @Autowired
    ExportLauncher export;
    @Autowired
    TimesheetService timesheets;
    @Autowired
    CodeMapService codeMaps;
    @Autowired
    RecordReader records;
    @Autowired
    AvantageSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void masterDataAndCodeMaps() {
        sync.runAndWait(CONNECTION, "all", Trigger.API, SyncMode.INCREMENTAL);
        codeMaps.replace(CONNECTION, "hourTypes", new CodeMapDocument(List.of(
                new CodeMapEntry("REG", "REG", true), new CodeMapEntry("OT", "OT", null))));
    }

    @AfterEach
    void wellBehavedAgain() {
        simulator.faults().reset();
    }

    @Test
    void anExportRetrySendsOnlyTheRunsFailedItemAndLinksTheRuns() {
        TimesheetView sheet = validatedSheet(2);
        String failed = sheet.lines().get(0).lineId();
        String rejected = sheet.lines().get(1).lineId();
        String otherReady = validatedSheet(1).lines().get(0).lineId();
        // what an export run leaves when a batch could not be sent and the ERP refused another item: the refused
        // item in the ledger as REJECTED, the unsent first-time item without a row, an error row for each
        long original = runs.create(CONNECTION, "timesheets", "OUT", Trigger.SCHEDULE, SyncMode.INCREMENTAL);
        jdbc.update("insert into export_item (connection_id, kind, source_id, idempotency_key, state, attempts, code,"
                + " message, last_run_id, updated_at) values (?, 'TIMESHEET_LINE', ?, ?, 'REJECTED', 1, 'UNKNOWN_ACTIVITY',"
                + " 'no such activity', ?, current_timestamp)", CONNECTION, rejected, rejected, original);
        runs.addErrors(original, List.of(
                new RecordError("timesheetLines", failed, "FAILED", "the batch could not be sent", null, true),
                new RecordError("timesheetLines", rejected, "UNKNOWN_ACTIVITY", "no such activity", null, false)));
        runs.finishExport(original, "PARTIAL", Map.of("read", 2, "sent", 1, "rejected", 1, "failed", 1), null);

        RunView retry = retries.runAndWait(history.find(original).orElseThrow());

        assertThat(retry.id()).isNotEqualTo(original);
        assertThat(retry.retryOf()).isEqualTo(original);
        assertThat(retry.trigger()).isEqualTo("RETRY");
        assertThat(retry.direction()).isEqualTo("OUT");
        assertThat(retry.status()).as(retry.message()).isEqualTo("SUCCEEDED");
        assertThat(retry.counts()).containsEntry("read", 1).containsEntry("sent", 1).containsEntry("accepted", 1);
        assertThat(heldCount(failed)).isEqualTo(1);
        assertThat(heldCount(rejected)).as("not retryable: waits for a fix").isZero();
        assertThat(heldCount(otherReady)).as("not in the run retried").isZero();
        assertThat(exportState(rejected)).isEqualTo("REJECTED");
        assertThat(history.find(retry.id()).orElseThrow().retryOf()).isEqualTo(original);

        RunView again = retries.runAndWait(history.find(original).orElseThrow());
        assertThat(again.counts()).as("delivered: never sent twice").containsEntry("read", 0).containsEntry("sent", 0);
        assertThat(heldCount(failed)).isEqualTo(1);

        RunView rest = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(rest.status()).as(rest.message()).isEqualTo("SUCCEEDED");
        assertThat(List.of(failed, rejected, otherReady)).allSatisfy(line -> assertThat(heldCount(line)).as(line).isEqualTo(1));
    }

    @Test
    void anExportItemInDoubtIsAskedAboutBeforeAnythingIsResent() {
        String inDoubt = validatedSheet(1).lines().get(0).lineId();
        simulator.faults().dropAfterStoreNext();
        RunView cut = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(cut.counts()).containsEntry("unknown", 1);
        if (jdbc.queryForObject("select count(*) from sync_error where run_id = ? and remote_key = ?", Integer.class,
                cut.id(), inDoubt) == 0) {
            // as the export engine lists an item whose answer was lost (retryable)
            runs.addErrors(cut.id(), List.of(new RecordError("timesheetLines", inDoubt, "NO_ANSWER", "no answer", null, true)));
        }
        String otherReady = validatedSheet(1).lines().get(0).lineId();
        long postsBefore = simulator.counters().requests("POST_TIMESHEETS");

        RunView retry = retries.runAndWait(history.find(cut.id()).orElseThrow());

        assertThat(retry.retryOf()).isEqualTo(cut.id());
        assertThat(retry.status()).as(retry.message()).isEqualTo("SUCCEEDED");
        assertThat(retry.counts()).containsEntry("accepted", 1).containsEntry("sent", 0);
        assertThat(simulator.counters().requests("POST_TIMESHEETS")).as("reconciled, not resent").isEqualTo(postsBefore);
        assertThat(exportState(inDoubt)).isEqualTo("ACCEPTED");
        assertThat(heldCount(inDoubt)).isEqualTo(1);
        assertThat(heldCount(otherReady)).isZero();

        export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(heldCount(otherReady)).isEqualTo(1);
    }

    @Test
    void aSyncRetryWritesOnlyTheRecordsThatFailedAndLeavesTheWatermarkAlone() {
        simulator.dataset().upsert(new Project("P-9001", "Chantier de reprise", Project.Status.ACTIVE, null, 0));
        simulator.addActivity("P-9001", "77-700", "Reprise des fondations", new BigDecimal("12"), new BigDecimal("1500"));
        // the activity arrives before its project has been synced: retryable, and retried once the project is there
        RunView original = sync.runAndWait(CONNECTION, "activities", Trigger.API, SyncMode.INCREMENTAL).get(0);
        assertThat(original.status()).isEqualTo("PARTIAL");
        assertThat(history.errors(original.id())).filteredOn(e -> e.retryable()).singleElement()
                .satisfies(e -> assertThat(e.remoteKey()).isEqualTo("77-700"));
        Map<String, Object> cursor = activityCursor();

        RunView tooSoon = retries.runAndWait(history.find(original.id()).orElseThrow());
        assertThat(tooSoon.retryOf()).isEqualTo(original.id());
        assertThat(tooSoon.trigger()).isEqualTo("RETRY");
        assertThat(tooSoon.counts()).containsEntry("read", 1).containsEntry("failed", 1).containsEntry("created", 0);
        assertThat(activityCursor()).as("a retry moves no watermark").isEqualTo(cursor);

        sync.runAndWait(CONNECTION, "projects", Trigger.API, SyncMode.INCREMENTAL);
        int activities = simulator.dataset().activities().size();
        RunView retried = retries.runAndWait(history.find(original.id()).orElseThrow());

        assertThat(retried.status()).as(retried.message()).isEqualTo("SUCCEEDED");
        assertThat(retried.counts()).as("one record of " + activities).containsEntry("read", 1)
                .containsEntry("created", 1).containsEntry("updated", 0).containsEntry("unchanged", 0);
        assertThat(activityCursor()).isEqualTo(cursor);
        assertThat(records.list(CONNECTION, "activities", "77-700", 10, null).items()).singleElement()
                .satisfies(activity -> assertThat(activity.get("projectNumber")).isEqualTo("P-9001"));
    }

    @Test
    void aRunWithNothingRetryableIsRefused() {
        RunView clean = sync.runAndWait(CONNECTION, "hourTypes", Trigger.API, SyncMode.INCREMENTAL).get(0);
        assertThatThrownBy(() -> retries.runAndWait(clean)).isInstanceOf(NothingToRetryException.class)
                .hasMessageContaining("run " + clean.id());
    }

    // --- fixtures -------------------------------------------------------------------------------

    private TimesheetView validatedSheet(int lines) {
        List<io.passerelle.sandbox.avantage.Employee> employees = simulator.dataset().employees();
        String employee = employees.get(employees.size() - LAST_EMPLOYEE.getAndIncrement()).number();
        String project = simulator.dataset().projects().get(7).number();
        String activity = simulator.dataset().activities(project).stream().map(Activity::code).findFirst().orElseThrow();
        List<LineRequest> requests = new ArrayList<>();
        for (int day = 0; day < lines; day++) {
            requests.add(new LineRequest(UUID.randomUUID().toString(), LocalDate.of(2026, 12, 7).plusDays(day).toString(),
                    project, activity, null, new BigDecimal("7.5"), "REG", List.of(), null, null));
        }
        return timesheets.create(new TimesheetRequest("BOREAL", employee, "VALIDATED", requests));
    }

    private long heldCount(String lineId) {
        return simulator.postedLines().stream().map(TimesheetLine::lineId).filter(lineId::equals).count();
    }

    private String exportState(String lineId) {
        return timesheets.get(jdbc.queryForObject("select timesheet_id from timesheet_line where id = ?", String.class, lineId))
                .lines().stream().filter(line -> line.lineId().equals(lineId)).map(LineView::exports)
                .flatMap(List::stream).map(e -> e.state()).collect(Collectors.joining(","));
    }

    private Map<String, Object> activityCursor() {
        return jdbc.queryForMap("select watermark, updated_at from sync_cursor where connection_id = ? and entity = 'ACTIVITY'",
                CONNECTION);
    }
}
