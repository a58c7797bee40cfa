package io.passerelle.bench;

import io.passerelle.codemap.CodeMapDocument;
import io.passerelle.codemap.CodeMapEntry;
import io.passerelle.codemap.CodeMapService;
import io.passerelle.export.ExportLauncher;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sync.SyncLauncher;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The export scenario (issue 4): {@code lines} timesheet lines of VALIDATED sheets (5 lines a sheet, one
 * synced employee a sheet, activities of the synced projects), written into the platform's tables with JDBC
 * batches (untimed: the API validates sheet by sheet), then one timed {@code timesheets} run through
 * {@link ExportLauncher} to the simulator. The run is checked before its figure is kept: every line
 * accepted, and the simulator holds exactly the seeded lines, each once.
 */
final class ExportScenario {

    static final int LINES_PER_SHEET = 5;
    private static final int JDBC_BATCH = 5000;

    private final SyncLauncher sync;
    private final ExportLauncher export;
    private final CodeMapService codeMaps;
    private final JdbcTemplate jdbc;
    private final BenchSimulator simulator;
    private final String connectionId;
    private BenchSimulator.Posted expected;

    ExportScenario(SyncLauncher sync, ExportLauncher export, CodeMapService codeMaps, JdbcTemplate jdbc,
            BenchSimulator simulator, String connectionId) {
        this.sync = sync;
        this.export = export;
        this.codeMaps = codeMaps;
        this.jdbc = jdbc;
        this.simulator = simulator;
        this.connectionId = connectionId;
    }

    /** Master data synced, the hour-type map, and {@code lines} lines of VALIDATED sheets; answers the line count. */
    int seed(int lines) {
        for (RunView run : sync.runAndWait(connectionId, "all", Trigger.API, SyncMode.INCREMENTAL)) {
            if (!"SUCCEEDED".equals(run.status())) {
                throw new IllegalStateException("master data sync " + run.flow() + " " + run.status() + ": " + run.message());
            }
        }
        codeMaps.replace(connectionId, "hourTypes", new CodeMapDocument(List.of(new CodeMapEntry("REG", "REG", true))));
        long company = jdbc.queryForObject("select company_id from connection where id = ?", Long.class, connectionId);
        int sheets = (lines + LINES_PER_SHEET - 1) / LINES_PER_SHEET;
        List<Long> employees = jdbc.queryForList(
                "select id from employee where company_id = ? order by id limit ?", Long.class, company, sheets);
        List<Map<String, Object>> activities = jdbc.queryForList(
                "select id, project_id from activity where company_id = ? order by id", company);
        if (employees.isEmpty() || activities.isEmpty()) {
            throw new IllegalStateException("the bench needs synced employees and activities: " + employees.size()
                    + " employees, " + activities.size() + " activities");
        }
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate monday = LocalDate.of(2026, 11, 16);
        BigDecimal hours = new BigDecimal("8.00");
        List<Object[]> sheetRows = new ArrayList<>();
        List<Object[]> lineRows = new ArrayList<>();
        long count = 0;
        long checksum = 0;
        int written = 0;
        for (int s = 0; s < sheets && written < lines; s++) {
            String sheetId = UUID.randomUUID().toString();
            sheetRows.add(new Object[] {sheetId, company, employees.get(s % employees.size()), "VALIDATED", now, now});
            for (int position = 0; position < LINES_PER_SHEET && written < lines; position++, written++) {
                Map<String, Object> activity = activities.get(written % activities.size());
                String lineId = UUID.randomUUID().toString();
                lineRows.add(new Object[] {lineId, sheetId, position, Date.valueOf(monday.plusDays(position)),
                        activity.get("project_id"), activity.get("id"), hours, "REG", now});
                count++;
                checksum += lineId.hashCode();
            }
            if (lineRows.size() >= JDBC_BATCH) {
                flush(sheetRows, lineRows);
            }
        }
        flush(sheetRows, lineRows);
        expected = new BenchSimulator.Posted(count, checksum);
        System.out.printf(Locale.ROOT, "  export: %,d lines in %,d VALIDATED sheets seeded (%,d employees, %,d activities)%n",
                written, sheets, employees.size(), activities.size());
        return written;
    }

    private void flush(List<Object[]> sheetRows, List<Object[]> lineRows) {
        jdbc.batchUpdate("insert into timesheet (id, company_id, employee_id, status, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?)", sheetRows);
        jdbc.batchUpdate("insert into timesheet_line (id, timesheet_id, position, work_date, project_id, activity_id,"
                + " hours, hour_type_code, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", lineRows);
        sheetRows.clear();
        lineRows.clear();
    }

    /** The timed part: one export run; fails unless every line was accepted and the simulator holds each once. */
    long run() {
        BenchSimulator.Posted before = simulator.posted();
        RunView run = export.runAndWait(connectionId, "timesheets", Trigger.API);
        Map<String, Integer> counts = run.counts();
        long lines = expected.count();
        if (!"SUCCEEDED".equals(run.status()) || counts.get("read") != lines || counts.get("sent") != lines
                || counts.get("accepted") != lines) {
            throw new IllegalStateException("export run " + run.status() + " " + counts + " for " + lines + " lines: "
                    + run.message());
        }
        BenchSimulator.Posted after = simulator.posted();
        BenchSimulator.Posted held = new BenchSimulator.Posted(after.count() - before.count(),
                after.checksum() - before.checksum());
        if (!held.equals(expected)) {
            throw new IllegalStateException("the simulator holds " + held + " new lines, expected exactly the seeded "
                    + expected + " (each line once)");
        }
        return counts.get("accepted");
    }
}
