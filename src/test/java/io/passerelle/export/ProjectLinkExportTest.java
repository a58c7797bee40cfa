package io.passerelle.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.SandboxTest;
import io.passerelle.codemap.CodeMapDocument;
import io.passerelle.codemap.CodeMapEntry;
import io.passerelle.codemap.CodeMapService;
import io.passerelle.codemap.ProjectTranslation;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.avantage.Activity;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sandbox.avantage.TimesheetLine;
import io.passerelle.sync.SyncLauncher;
import io.passerelle.timesheet.LineRequest;
import io.passerelle.timesheet.LineView;
import io.passerelle.timesheet.TimesheetRequest;
import io.passerelle.timesheet.TimesheetService;
import io.passerelle.timesheet.TimesheetView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seed 002 step 7 through to Avantage: the platform's project DRV-118, linked to the synced Avantage project P-1003,
 * reaches Avantage as P-1003; a platform project the connection does not link is refused before anything is sent.
 * Shares {@link AvantageTimesheetExportTest}'s context and connection: each test leaves nothing pending.
 */
@SandboxTest
class ProjectLinkExportTest {

    static final String CONNECTION = AvantageTimesheetExportTest.CONNECTION;

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
    RunStore runs;

    @BeforeEach
    void projectsSyncedAndCodeMaps() {
        sync.runAndWait(CONNECTION, "all", Trigger.API, SyncMode.INCREMENTAL);
        codeMaps.replace(CONNECTION, "hourTypes", new CodeMapDocument(List.of(
                new CodeMapEntry("REG", "REG", true), new CodeMapEntry("OT", "OT", null))));
        assertThat(simulator.dataset().project("P-1003")).as("the sandbox's Avantage has P-1003").isPresent();
    }

    @AfterEach
    void noLinksLeft() {
        link(Map.of());
    }

    @Test
    void aTimesheetNamingTheLinkedPlatformProjectIsExportedToItsAvantageProject() {
        link(Map.of("DRV-118", "P-1003"));
        TimesheetView sheet = validatedSheet(line("DRV-118", "P-1003"), line("P-1004", "P-1004"));

        RunView run = export.runAndWait(CONNECTION, "timesheets", Trigger.API);

        assertThat(run.status()).as(run.message()).isEqualTo("SUCCEEDED");
        assertThat(run.counts()).containsEntry("sent", 2).containsEntry("accepted", 2).containsEntry("rejected", 0);
        assertThat(held(sheet, 0).project()).as("Avantage received the linked project").isEqualTo("P-1003");
        assertThat(held(sheet, 1).project()).as("an Avantage project number goes as it is").isEqualTo("P-1004");
        assertThat(timesheets.get(sheet.id()).lines().get(0).projectNumber()).as("the sheet keeps the platform's")
                .isEqualTo("DRV-118");
    }

    @Test
    void aPlatformProjectTheConnectionDoesNotLinkIsRefusedBeforeSendingAndGoesOnceLinked() {
        link(Map.of("DRV-118", "P-1003", "DRV-119", "P-1005"));
        TimesheetView sheet = validatedSheet(line("DRV-119", "P-1005"));
        String lineId = sheet.lines().get(0).lineId();
        link(Map.of("DRV-118", "P-1003")); // DRV-119's link is gone before its sheet went
        long postsBefore = simulator.counters().requests("POST_TIMESHEETS");

        RunView run = export.runAndWait(CONNECTION, "timesheets", Trigger.API);

        assertThat(run.status()).isEqualTo("PARTIAL");
        assertThat(run.counts()).containsEntry("read", 1).containsEntry("sent", 0).containsEntry("rejected", 1);
        assertThat(simulator.counters().requests("POST_TIMESHEETS")).as("nothing was sent").isEqualTo(postsBefore);
        assertThat(simulator.postedLines()).as("Avantage received nothing for it")
                .noneMatch(held -> held.lineId().equals(lineId));
        String refusal = "project DRV-119 is not linked to an Avantage project: PUT /api/connections/" + CONNECTION
                + "/maps/projects (nor is it the number of a project synced from Avantage)";
        LineView refused = timesheets.get(sheet.id()).lines().get(0);
        assertThat(refused.exports()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo("REJECTED");
            assertThat(e.code()).isEqualTo(ProjectTranslation.NOT_LINKED);
            assertThat(e.message()).isEqualTo(refusal);
        });
        assertThat(runs.errors(run.id())).singleElement().satisfies(e -> {
            assertThat(e.remoteKey()).isEqualTo(lineId);
            assertThat(e.code()).isEqualTo(ProjectTranslation.NOT_LINKED);
            assertThat(e.message()).isEqualTo(refusal);
            assertThat(e.retryable()).isFalse();
        });
        assertThat(timesheets.get(sheet.id()).status()).as("nothing went: the sheet stays open").isEqualTo("VALIDATED");

        link(Map.of("DRV-118", "P-1003", "DRV-119", "P-1005"));
        RunView rerun = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(rerun.counts()).as(rerun.message()).containsEntry("sent", 1).containsEntry("accepted", 1);
        assertThat(simulator.postedLines()).filteredOn(held -> held.lineId().equals(lineId)).singleElement()
                .satisfies(held -> assertThat(held.project()).isEqualTo("P-1005"));
    }

    // --- fixtures -------------------------------------------------------------------------------

    private void link(Map<String, String> links) {
        codeMaps.replace(CONNECTION, "projects", new CodeMapDocument(links.entrySet().stream()
                .map(e -> new CodeMapEntry(e.getKey(), e.getValue(), null)).toList()));
    }

    /** A line naming {@code project} (the platform's or Avantage's), with an activity of {@code erpProject}. */
    private LineRequest line(String project, String erpProject) {
        String activity = simulator.dataset().activities(erpProject).stream().map(Activity::code).findFirst().orElseThrow();
        return new LineRequest(UUID.randomUUID().toString(), "2026-11-23", project, activity, null,
                new BigDecimal("8.0"), "REG", List.of(), null, null);
    }

    private TimesheetView validatedSheet(LineRequest... lines) {
        String employee = simulator.dataset().employees()
                .get(AvantageTimesheetExportTest.NEXT_EMPLOYEE.getAndIncrement()).number();
        return timesheets.create(new TimesheetRequest("BOREAL", employee, "VALIDATED", List.of(lines)));
    }

    private TimesheetLine held(TimesheetView sheet, int line) {
        String lineId = sheet.lines().get(line).lineId();
        return simulator.postedLines().stream().filter(l -> l.lineId().equals(lineId)).findFirst().orElseThrow();
    }
}
