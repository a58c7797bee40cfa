package io.passerelle.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.passerelle.SandboxTest;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.codemap.CodeMapDocument;
import io.passerelle.codemap.CodeMapEntry;
import io.passerelle.codemap.CodeMapService;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.FieldProblem;
import io.passerelle.erp.avantage.AvantageTimesheetSink;
import io.passerelle.run.RunErrorView;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.avantage.Activity;
import io.passerelle.sandbox.avantage.AvantageEntity;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sandbox.avantage.HourType;
import io.passerelle.sandbox.avantage.TimesheetLine;
import io.passerelle.sync.SyncLauncher;
import io.passerelle.timesheet.EarningRequest;
import io.passerelle.timesheet.ExportableLine;
import io.passerelle.timesheet.LineRequest;
import io.passerelle.timesheet.LineView;
import io.passerelle.timesheet.TimesheetConflictException;
import io.passerelle.timesheet.TimesheetLineSource;
import io.passerelle.timesheet.TimesheetRequest;
import io.passerelle.timesheet.TimesheetService;
import io.passerelle.timesheet.TimesheetStatus;
import io.passerelle.timesheet.TimesheetView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Payroll lines reach Avantage exactly once, whatever the server or the network does. Each test
 * leaves nothing pending, so that "the next run sends nothing" holds for the others too.
 */
@SandboxTest
class AvantageTimesheetExportTest {

    static final String CONNECTION = "sandbox-avantage";
    static final AtomicInteger NEXT_EMPLOYEE = new AtomicInteger();

    @Autowired
    SyncLauncher sync;
    @Autowired
    ExportLauncher export;
    @Autowired
    TimesheetService timesheets;
    @Autowired
    CodeMapService codeMaps;
    @Autowired
    AvantageSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExportLauncherService launcher;
    @Autowired
    PrometheusMeterRegistry prometheus;
    @Autowired
    ExportEngine engine;
    @Autowired
    RunStore runs;
    @Autowired
    ConnectionDirectory connections;
    @Autowired
    TimesheetLineSource lineSource;
    @Autowired
    AvantageTimesheetSink sink;

    @BeforeEach
    void masterDataAndCodeMaps() {
        sync.runAndWait(CONNECTION, "all", Trigger.API, SyncMode.INCREMENTAL);
        codeMaps.replace(CONNECTION, "hourTypes", new CodeMapDocument(List.of(
                new CodeMapEntry("REG", "REG", true), new CodeMapEntry("OT", "OT", null))));
        codeMaps.replace(CONNECTION, "earnings", new CodeMapDocument(List.of(new CodeMapEntry("KM", "KM", null))));
    }

    @AfterEach
    void wellBehavedAgain() {
        simulator.faults().reset();
    }

    @Test
    void threeValidatedSheetsOfFiveLinesGoOutOnceAndFreeze() {
        List<TimesheetView> sheets = List.of(validatedSheet(5), validatedSheet(5), validatedSheet(5));

        RunView run = export.runAndWait(CONNECTION, "timesheets", Trigger.API);

        assertThat(run.direction()).isEqualTo("OUT");
        assertThat(run.status()).as(run.message()).isEqualTo("SUCCEEDED");
        assertThat(run.counts()).containsEntry("read", 15).containsEntry("sent", 15).containsEntry("accepted", 15)
                .containsEntry("rejected", 0).containsEntry("unknown", 0);
        for (TimesheetView sheet : sheets) {
            TimesheetView after = timesheets.get(sheet.id());
            assertThat(after.status()).isEqualTo("FROZEN");
            assertThat(after.lines()).allSatisfy(line -> assertThat(line.exports())
                    .singleElement().satisfies(e -> assertThat(e.state()).isEqualTo("ACCEPTED")));
        }
        assertHeldOnce(lineIds(sheets));

        RunView again = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(again.counts()).containsEntry("read", 0).containsEntry("sent", 0);
        assertHeldOnce(lineIds(sheets));
    }

    @Test
    void aBatchStoredButNeverAnsweredIsReconciledInsteadOfResent() {
        TimesheetView sheet = validatedSheet(5);
        simulator.faults().dropAfterStoreNext();

        RunView cut = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(cut.counts()).containsEntry("sent", 5).containsEntry("unknown", 5).containsEntry("accepted", 0);
        assertThat(cut.message()).contains("unknown outcome");
        assertThat(exportStates(sheet)).containsOnly("UNKNOWN");
        assertThat(runs.errors(cut.id())).hasSize(5).allSatisfy(e -> {
            assertThat(e.code()).isEqualTo("NO_ANSWER");
            assertThat(e.retryable()).isTrue();
        }).extracting(RunErrorView::remoteKey).containsExactlyInAnyOrderElementsOf(lineIds(List.of(sheet)));
        assertHeldOnce(lineIds(List.of(sheet)));
        assertThat(prometheus.scrape()).as("operators see the lost answers")
                .contains("# HELP passerelle_export_items_in_doubt Export items sent whose answer is not recorded")
                .contains("passerelle_export_items_in_doubt{connection=\"sandbox-avantage\",kind=\"TIMESHEET_LINE\"} 5.0");

        long postsBefore = simulator.counters().requests("POST_TIMESHEETS");
        RunView reconciled = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(reconciled.status()).isEqualTo("SUCCEEDED");
        assertThat(reconciled.counts()).containsEntry("accepted", 5).containsEntry("sent", 0);
        assertThat(simulator.counters().requests("POST_TIMESHEETS")).as("nothing resent").isEqualTo(postsBefore);
        assertThat(exportStates(sheet)).containsOnly("ACCEPTED");
        assertThat(timesheets.get(sheet.id()).status()).isEqualTo("FROZEN");
        assertThat(runs.errors(reconciled.id())).isEmpty();
        assertHeldOnce(lineIds(List.of(sheet)));
    }

    @Test
    void aProcessKilledWithBatchesOnTheWireIsClosedWithWhatItSentAndItsSheetFreezesOnceAvantageSaysItHoldsThem() {
        TimesheetView sheet = validatedSheet(3);
        Connection connection = connections.find(CONNECTION).orElseThrow();
        long killedRun = runs.create(CONNECTION, "timesheets", "OUT", Trigger.API, SyncMode.INCREMENTAL);

        assertThatThrownBy(() -> engine.run(killedRun, connection,
                new OutboundFlow<>("avantage", "timesheets", lineSource, stopsOnceItsSecondBatchIsAnswered())))
                .isInstanceOf(ExportEngineTest.ProcessStopped.class);
        // the simulator handles pipelined requests on several threads: the unanswered first batch may land last
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(simulator.postedLines())
                .as("Avantage got both batches").extracting(TimesheetLine::lineId).containsAll(lineIds(List.of(sheet))));

        // the next start: the run is closed with what it had sent, its batches on the wire show as SENT lines
        runs.abandonRunning();
        launcher.expandInterruptedBatches();
        RunView killed = runs.find(killedRun).orElseThrow();
        assertThat(killed.status()).isEqualTo("FAILED");
        assertThat(killed.message()).startsWith("interrupted");
        assertThat(killed.counts()).containsEntry("read", 3).containsEntry("sent", 3).containsEntry("accepted", 0);
        assertThat(exportStates(sheet)).containsOnly("SENT");
        assertThat(timesheets.get(sheet.id()).status()).isEqualTo("VALIDATED");
        assertThatThrownBy(() -> timesheets.changeStatus(sheet.id(), TimesheetStatus.DRAFT))
                .isInstanceOfSatisfying(TimesheetConflictException.class, refused -> assertThat(refused.problems())
                        .extracting(FieldProblem::field).containsExactly("lines[0]", "lines[1]", "lines[2]"));

        long postsBefore = simulator.counters().requests("POST_TIMESHEETS");
        RunView recovered = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(recovered.status()).as(recovered.message()).isEqualTo("SUCCEEDED");
        assertThat(recovered.counts()).containsEntry("sent", 0).containsEntry("accepted", 3);
        assertThat(simulator.counters().requests("POST_TIMESHEETS")).as("nothing resent").isEqualTo(postsBefore);
        assertThat(exportStates(sheet)).containsOnly("ACCEPTED");
        assertThat(timesheets.get(sheet.id()).status()).as("the sheet follows its lines").isEqualTo("FROZEN");
        assertHeldOnce(lineIds(List.of(sheet)));
        assertThat(prometheus.scrape())
                .contains("passerelle_export_items_in_doubt{connection=\"sandbox-avantage\",kind=\"TIMESHEET_LINE\"} 0.0");
    }

    @Test
    void aBatchAStoppedProcessLeftOnTheWireShowsAsSentThenIsReconciledAndSentOnce() {
        TimesheetView sheet = validatedSheet(3);
        List<String> lineIds = lineIds(List.of(sheet));
        // what a process that stopped between committing the batch and reading its answer leaves behind
        String items = lineIds.stream().map(id -> "[\"" + id + "\",\"" + id + "\"]").collect(Collectors.joining(",", "[", "]"));
        jdbc.update("insert into export_batch (connection_id, kind, batch_id, run_id, items, created_at) "
                + "values (?, 'TIMESHEET_LINE', 'timesheet-line-stopped', 0, ?, current_timestamp)", CONNECTION, items);
        assertThat(prometheus.scrape()).as("a batch on the wire counts its items")
                .contains("passerelle_export_items_in_doubt{connection=\"sandbox-avantage\",kind=\"TIMESHEET_LINE\"} 3.0");

        launcher.expandInterruptedBatches();
        assertThat(exportStates(sheet)).as("in doubt as soon as the process is back").containsOnly("SENT");
        assertThat(jdbc.queryForObject("select count(*) from export_batch", Integer.class)).isZero();
        assertThat(prometheus.scrape())
                .contains("passerelle_export_items_in_doubt{connection=\"sandbox-avantage\",kind=\"TIMESHEET_LINE\"} 3.0");

        RunView run = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(run.status()).as(run.message()).isEqualTo("SUCCEEDED");
        assertThat(run.counts()).containsEntry("sent", 3).containsEntry("accepted", 3);
        assertThat(exportStates(sheet)).containsOnly("ACCEPTED");
        assertThat(timesheets.get(sheet.id()).status()).isEqualTo("FROZEN");
        assertHeldOnce(lineIds);
    }

    @Test
    void busyTwiceThenAcceptedSendsEveryLineOnce() {
        TimesheetView sheet = validatedSheet(5);
        long busyBefore = simulator.counters().busyAnswers();
        simulator.faults().busyNext(2, 10);

        RunView run = export.runAndWait(CONNECTION, "timesheets", Trigger.API);

        assertThat(run.status()).as(run.message()).isEqualTo("SUCCEEDED");
        assertThat(run.counts()).containsEntry("accepted", 5);
        assertThat(simulator.counters().busyAnswers()).isEqualTo(busyBefore + 2);
        assertHeldOnce(lineIds(List.of(sheet)));
    }

    @Test
    void anActivityAvantageDoesNotKnowIsRejectedWithItsReasonThenAcceptedOnceItExists() {
        String project = simulator.dataset().projects().get(3).number();
        platformOnlyActivity(project, "99-999");
        List<LineRequest> lines = new ArrayList<>(lines(project, 4));
        lines.add(line(project, "99-999", LocalDate.of(2026, 11, 20), "REG", List.of()));
        TimesheetView sheet = timesheets.create(new TimesheetRequest("BOREAL", nextEmployee(), "VALIDATED", lines));
        String strayLine = sheet.lines().get(4).lineId();

        RunView run = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(run.status()).isEqualTo("PARTIAL");
        assertThat(run.counts()).containsEntry("accepted", 4).containsEntry("rejected", 1);
        LineView rejected = timesheets.get(sheet.id()).lines().get(4);
        assertThat(rejected.exports()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo("REJECTED");
            assertThat(e.code()).isEqualTo("UNKNOWN_ACTIVITY");
            assertThat(e.message()).isNotBlank();
        });
        assertThat(simulator.postedLines()).noneMatch(held -> held.lineId().equals(strayLine));
        assertThat(runs.errors(run.id())).as("the PARTIAL run lists the line Avantage refused").singleElement()
                .satisfies(e -> {
                    assertThat(e.entity()).isEqualTo("TIMESHEET_LINE");
                    assertThat(e.remoteKey()).isEqualTo(strayLine);
                    assertThat(e.code()).isEqualTo("UNKNOWN_ACTIVITY");
                    assertThat(e.message()).isEqualTo(rejected.exports().get(0).message());
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.payload()).contains("99-999").contains(strayLine);
                });

        simulator.addActivity(project, "99-999", "Travaux imprévus", new BigDecimal("10"), new BigDecimal("1000"));
        RunView rerun = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(rerun.counts()).containsEntry("read", 1).containsEntry("sent", 1).containsEntry("accepted", 1);
        assertHeldOnce(lineIds(List.of(sheet)));
    }

    @Test
    void anActivityCodeWithATrailingBlankGoesBackAsAvantageSpellsItWhateverTheSheetSays() {
        String project = simulator.dataset().projects().get(6).number();
        simulator.addActivity(project, "03-777 ", "Coffrage des colonnes", new BigDecimal("40"), new BigDecimal("4000"));
        assertThat(simulator.dataset().activity(project, "03-777")).as("Avantage compares codes exactly as stored").isEmpty();

        RunView synced = sync.runAndWait(CONNECTION, "activities", Trigger.API, SyncMode.INCREMENTAL).get(0);
        assertThat(synced.status()).as(synced.message()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForList("select code from activity where match_key = ?", String.class,
                KeyNormalizer.compositeKey(KeyNormalizer.matchKey(project), "03-777"))).as("stored verbatim")
                .containsExactly("03-777 ");

        TimesheetView sheet = timesheets.create(new TimesheetRequest("BOREAL", nextEmployee(), "VALIDATED",
                List.of(line(project, "03-777", LocalDate.of(2026, 11, 19), "REG", List.of()))));
        RunView run = export.runAndWait(CONNECTION, "timesheets", Trigger.API);

        assertThat(run.status()).as(run.message()).isEqualTo("SUCCEEDED");
        assertThat(run.counts()).containsEntry("sent", 1).containsEntry("accepted", 1).containsEntry("rejected", 0);
        String lineId = sheet.lines().get(0).lineId();
        assertThat(held(lineId).activity()).as("the raw code, not the sheet's").isEqualTo("03-777 ");
        assertThat(timesheets.get(sheet.id()).lines().get(0).activityCode()).as("the sheet keeps its own spelling")
                .isEqualTo("03-777");
        assertHeldOnce(List.of(lineId));
    }

    @Test
    void anHourTypeAvantageReSpeltAfterItWasMappedGoesAsAvantageSpellsItNow() {
        simulator.faults().injectItemsNext(AvantageEntity.HOUR_TYPE,
                "{\"code\":\"NUIT\",\"description\":\"Heures de nuit\",\"multiplier\":1.25,\"modifiedAt\":\"2020-01-01T00:00:00Z\"}");
        sync.runAndWait(CONNECTION, "hourTypes", Trigger.API, SyncMode.INCREMENTAL);
        codeMaps.replace(CONNECTION, "hourTypes", new CodeMapDocument(List.of(new CodeMapEntry("REG", "REG", true),
                new CodeMapEntry("OT", "OT", null), new CodeMapEntry("NUIT", "NUIT", null))));
        // Avantage now holds it with a trailing blank, and compares it so
        simulator.dataset().upsert(new HourType("NUIT ", "Heures de nuit", new BigDecimal("1.25"), 0));
        RunView respelt = sync.runAndWait(CONNECTION, "hourTypes", Trigger.API, SyncMode.INCREMENTAL).get(0);
        assertThat(respelt.counts()).as(respelt.message()).containsEntry("created", 0).containsEntry("updated", 1);

        String project = simulator.dataset().projects().get(7).number();
        TimesheetView sheet = timesheets.create(new TimesheetRequest("BOREAL", nextEmployee(), "VALIDATED",
                List.of(line(project, firstActivity(project), LocalDate.of(2026, 11, 21), "NUIT", List.of()))));
        RunView run = export.runAndWait(CONNECTION, "timesheets", Trigger.API);

        assertThat(run.counts()).as(run.message()).containsEntry("accepted", 1).containsEntry("rejected", 0);
        assertThat(held(sheet.lines().get(0).lineId()).hourType()).isEqualTo("NUIT ");
    }

    @Test
    void aCodeWithoutAMapEntryIsRefusedBeforeSendingAndALineWithoutHourTypeGoesAsRegular() {
        String project = simulator.dataset().projects().get(5).number();
        List<LineRequest> lines = List.of(
                line(project, firstActivity(project), LocalDate.of(2026, 11, 17), "DT", List.of()),
                line(project, firstActivity(project), LocalDate.of(2026, 11, 18), null,
                        List.of(new EarningRequest("KM", new BigDecimal("42")))));
        TimesheetView sheet = timesheets.create(new TimesheetRequest("BOREAL", nextEmployee(), "VALIDATED", lines));
        long postsBefore = simulator.counters().requests("POST_TIMESHEETS");

        RunView run = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(run.counts()).containsEntry("rejected", 1).containsEntry("sent", 1).containsEntry("accepted", 1);
        LineView refused = timesheets.get(sheet.id()).lines().get(0);
        assertThat(refused.exports()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("MISSING_CODE_MAP");
            assertThat(e.message()).contains("hour type 'DT'").contains("hourTypes code map");
        });
        assertThat(runs.errors(run.id())).singleElement().satisfies(e -> {
            assertThat(e.remoteKey()).isEqualTo(sheet.lines().get(0).lineId());
            assertThat(e.code()).isEqualTo("MISSING_CODE_MAP");
            assertThat(e.retryable()).isFalse();
        });
        TimesheetLine regular = held(sheet.lines().get(1).lineId());
        assertThat(regular.hourType()).isEqualTo("REG");
        assertThat(regular.earnings()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("KM"));
        assertThat(simulator.counters().requests("POST_TIMESHEETS")).isEqualTo(postsBefore + 1);

        codeMaps.replace(CONNECTION, "hourTypes", new CodeMapDocument(List.of(new CodeMapEntry("REG", "REG", true),
                new CodeMapEntry("OT", "OT", null), new CodeMapEntry("DT", "DT", null))));
        RunView rerun = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(rerun.counts()).containsEntry("accepted", 1).containsEntry("rejected", 0);
        assertThat(held(sheet.lines().get(0).lineId()).hourType()).isEqualTo("DT");
    }

    // --- fixtures -------------------------------------------------------------------------------

    /**
     * The Avantage sink in batches of two, in a process that stops once Avantage answered its second batch, before
     * anything of that answer (or of the first batch's, still in flight) is recorded.
     */
    private ExportSink<ExportableLine, ObjectNode> stopsOnceItsSecondBatchIsAnswered() {
        return new ExportSink<>() {
            @Override
            public int batchSize() {
                return 2;
            }

            @Override
            public Session<ExportableLine, ObjectNode> open(Connection connection) {
                Session<ExportableLine, ObjectNode> real = sink.open(connection);
                AtomicInteger batches = new AtomicInteger();
                return new Session<>() {
                    @Override
                    public Preparation<ObjectNode> prepare(ExportCandidate<ExportableLine> candidate) {
                        return real.prepare(candidate);
                    }

                    @Override
                    public CompletableFuture<List<ItemOutcome>> send(String batchId, List<PreparedItem<ObjectNode>> batch) {
                        CompletableFuture<List<ItemOutcome>> answer = real.send(batchId, batch);
                        if (batches.incrementAndGet() == 2) {
                            answer.join();
                            throw new ExportEngineTest.ProcessStopped();
                        }
                        return answer;
                    }

                    @Override
                    public Set<String> holds(List<String> idempotencyKeys) {
                        return real.holds(idempotencyKeys);
                    }

                    @Override
                    public void close() {
                        real.close();
                    }
                };
            }
        };
    }

    private TimesheetView validatedSheet(int lines) {
        String project = simulator.dataset().projects().get(NEXT_EMPLOYEE.get() % 10).number();
        return timesheets.create(new TimesheetRequest("BOREAL", nextEmployee(), "VALIDATED", lines(project, lines)));
    }

    private List<LineRequest> lines(String project, int count) {
        List<LineRequest> lines = new ArrayList<>();
        for (int day = 0; day < count; day++) {
            lines.add(line(project, firstActivity(project), LocalDate.of(2026, 11, 16).plusDays(day),
                    day == 4 ? "OT" : "REG", day == 0 ? List.of(new EarningRequest("KM", new BigDecimal("42"))) : List.of()));
        }
        return lines;
    }

    private LineRequest line(String project, String activity, LocalDate date, String hourType, List<EarningRequest> earnings) {
        return new LineRequest(UUID.randomUUID().toString(), date.toString(), project, activity, null,
                new BigDecimal("8.0"), hourType, earnings, null, null);
    }

    private String firstActivity(String project) {
        return simulator.dataset().activities(project).stream().map(Activity::code).findFirst().orElseThrow();
    }

    private String nextEmployee() {
        return simulator.dataset().employees().get(NEXT_EMPLOYEE.getAndIncrement()).number();
    }

    private void platformOnlyActivity(String project, String code) {
        jdbc.update("insert into activity (company_id, project_id, match_key, loose_key, code, description, created_at, updated_at) "
                + "select p.company_id, p.id, ?, ?, ?, 'Créée dans la plateforme', current_timestamp, current_timestamp "
                + "from project p where p.number = ?",
                KeyNormalizer.compositeKey(KeyNormalizer.matchKey(project), code),
                KeyNormalizer.compositeKey(KeyNormalizer.matchKey(project), KeyNormalizer.looseKey(code)), code, project);
    }

    private List<String> lineIds(List<TimesheetView> sheets) {
        return sheets.stream().flatMap(s -> s.lines().stream()).map(LineView::lineId).toList();
    }

    private List<String> exportStates(TimesheetView sheet) {
        return timesheets.get(sheet.id()).lines().stream().flatMap(l -> l.exports().stream()).map(e -> e.state()).toList();
    }

    private TimesheetLine held(String lineId) {
        return simulator.postedLines().stream().filter(l -> l.lineId().equals(lineId)).findFirst().orElseThrow();
    }

    private void assertHeldOnce(List<String> lineIds) {
        Map<String, Long> held = simulator.postedLines().stream()
                .collect(Collectors.groupingBy(TimesheetLine::lineId, Collectors.counting()));
        assertThat(lineIds).allSatisfy(id -> assertThat(held.get(id)).as("held " + id).isEqualTo(1L));
    }
}
