package io.passerelle.timesheet;

import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.export.ExportState;
import io.passerelle.run.SqlFiles;
import io.passerelle.run.Timestamps;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timesheet side of the export, for the export engine: which lines to send to a connection, and freezing
 * the sheets that went. Fast on large sets: keyset-paged by line id, two queries per page (lines, then their
 * earnings), no lookup per line.
 */
@Component
public class TimesheetExportSource {

    /** The {@code export_item.kind} of timesheet lines. */
    public static final String KIND = "TIMESHEET_LINE";

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final Clock clock;

    @Autowired
    public TimesheetExportSource(NamedParameterJdbcTemplate jdbc, SqlFiles sql) {
        this(jdbc, sql, Clock.systemUTC());
    }

    TimesheetExportSource(NamedParameterJdbcTemplate jdbc, SqlFiles sql, Clock clock) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * Up to {@code limit} lines of the company's VALIDATED and FROZEN timesheets that the connection does not
     * hold yet (no export_item for it, or one in state PENDING or REJECTED — REJECTED lines are picked up on
     * every run, corrected or not: the ERP is idempotent by line id), ordered by line id, after
     * {@code afterLineId} (null for the first page). Lines in SENT or UNKNOWN are not here: reconcile those first.
     */
    @Transactional(readOnly = true)
    public List<ExportableLine> linesToExport(long companyId, String connectionId, String afterLineId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("companyId", companyId)
                .addValue("connectionId", connectionId)
                .addValue("after", afterLineId == null ? "" : afterLineId)
                .addValue("limit", limit);
        List<Row> rows = jdbc.query(sql.get("sql/timesheet/export-lines.sql"), params, (rs, n) -> new Row(
                rs.getString("line_id"), rs.getString("timesheet_id"),
                TimesheetStatus.valueOf(rs.getString("timesheet_status")), rs.getString("employee_number"),
                rs.getString("project_number"), rs.getString("project_code"), rs.getString("activity_code"),
                TimesheetStore.activityKind(rs),
                rs.getString("trade_code"),
                rs.getObject("work_date", LocalDate.class), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class), TimesheetStore.plain(rs.getBigDecimal("hours")),
                rs.getString("hour_type_code"),
                rs.getString("export_state") == null ? null : ExportState.valueOf(rs.getString("export_state"))));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<ExportableLine.Earning>> earnings = new HashMap<>();
        jdbc.query(sql.get("sql/timesheet/export-earnings.sql"),
                Map.of("lineIds", SqlFiles.keyRows(rows.stream().map(Row::lineId).toList())), rs -> {
                    earnings.computeIfAbsent(rs.getString("line_id"), id -> new ArrayList<>()).add(
                            new ExportableLine.Earning(rs.getString("code"),
                                    TimesheetStore.plain(rs.getBigDecimal("quantity"))));
                });
        List<ExportableLine> lines = new ArrayList<>(rows.size());
        for (Row r : rows) {
            lines.add(new ExportableLine(r.lineId(), r.timesheetId(), r.status(), r.employeeNumber(),
                    r.projectNumber(), r.projectCode(), r.activityCode(), r.activityKind(), r.tradeCode(), r.date(),
                    r.start(), r.end(), r.hours(), r.hourTypeCode(),
                    List.copyOf(earnings.getOrDefault(r.lineId(), List.of())), r.exportState()));
        }
        return lines;
    }

    /** As {@link #linesToExport(long, String, String, int)}, for the company of the connection. */
    @Transactional(readOnly = true)
    public List<ExportableLine> linesToExport(String connectionId, String afterLineId, int limit) {
        return linesToExport(companyOf(connectionId), connectionId, afterLineId, limit);
    }

    /** The company a connection belongs to. */
    @Transactional(readOnly = true)
    public long companyOf(String connectionId) {
        return jdbc.queryForList(sql.get("sql/timesheet/connection-company.sql"),
                Map.of("connectionId", connectionId), Long.class).stream().findFirst()
                .orElseThrow(() -> new ConnectionNotFoundException(connectionId));
    }

    /**
     * These timesheets become FROZEN: their lines went to an ERP. A DRAFT one too (it was set back to DRAFT while
     * its lines were on the wire: the ERP holds them now). Idempotent. In id order, so that two exports freezing
     * sheets of one company lock them in the same order.
     */
    @Transactional
    public int freeze(Collection<String> timesheetIds) {
        OffsetDateTime now = Timestamps.utc(clock.instant());
        SqlParameterSource[] sheets = new TreeSet<>(timesheetIds).stream()
                .map(id -> new MapSqlParameterSource("timesheetId", id).addValue("now", now))
                .toArray(SqlParameterSource[]::new);
        return sheets.length == 0 ? 0 : Arrays.stream(jdbc.batchUpdate(sql.get("sql/timesheet/freeze.sql"), sheets)).sum();
    }

    /** Freezes the timesheets these lines belong to (see {@link #freeze}); unknown line ids are ignored. */
    @Transactional
    public int freezeSheetsOfLines(Collection<String> lineIds) {
        if (lineIds.isEmpty()) {
            return 0;
        }
        List<String> sheets = jdbc.query(sql.get("sql/timesheet/line-owners.sql"), Map.of("lineIds", lineIds),
                (rs, n) -> rs.getString("timesheet_id"));
        return freeze(sheets);
    }

    private record Row(String lineId, String timesheetId, TimesheetStatus status, String employeeNumber,
            String projectNumber, String projectCode, String activityCode, ActivityKind activityKind, String tradeCode,
            LocalDate date, LocalTime start, LocalTime end, java.math.BigDecimal hours, String hourTypeCode, ExportState exportState) {
    }
}
