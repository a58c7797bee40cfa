package io.passerelle.timesheet;

import io.passerelle.run.SqlFiles;
import io.passerelle.run.Timestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** {@code timesheet}, {@code timesheet_line} and its earnings, and the lines' export states. Callers provide the transaction. */
@Repository
public class TimesheetStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;

    public TimesheetStore(NamedParameterJdbcTemplate jdbc, SqlFiles sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** A timesheet's head: what the service needs to decide, and what the API shows. */
    public record Head(String id, long companyId, String company, String employeeNumber, TimesheetStatus status,
            Instant createdAt, Instant updatedAt) {
    }

    public void insert(String id, ValidTimesheet sheet, Instant now) {
        jdbc.update(sql.get("sql/timesheet/timesheet-insert.sql"), new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("companyId", sheet.companyId())
                .addValue("employeeId", sheet.employeeId())
                .addValue("employeeNumber", sheet.employeeNumber())
                .addValue("status", sheet.status().name())
                .addValue("now", Timestamps.utc(now)));
        insertLines(id, sheet.lines(), now);
    }

    public Optional<Head> head(String timesheetId) {
        return jdbc.query(sql.get("sql/timesheet/timesheet-head.sql"), Map.of("timesheetId", timesheetId),
                (rs, row) -> new Head(rs.getString("id"), rs.getLong("company_id"), rs.getString("company"),
                        rs.getString("employee_number"), TimesheetStatus.valueOf(rs.getString("status")),
                        instant(rs, "created_at"), instant(rs, "updated_at"))).stream().findFirst();
    }

    /** Takes the timesheet's row lock until the transaction ends; false when there is no such timesheet. */
    public boolean lock(String timesheetId, Instant now) {
        return jdbc.update(sql.get("sql/timesheet/timesheet-lock.sql"),
                new MapSqlParameterSource("timesheetId", timesheetId).addValue("now", Timestamps.utc(now))) == 1;
    }

    public void setStatus(String timesheetId, TimesheetStatus status, Instant now) {
        jdbc.update(sql.get("sql/timesheet/timesheet-set-status.sql"), new MapSqlParameterSource()
                .addValue("timesheetId", timesheetId)
                .addValue("status", status.name())
                .addValue("now", Timestamps.utc(now)));
    }

    public void replaceLines(String timesheetId, List<ValidLine> lines, Instant now) {
        jdbc.update(sql.get("sql/timesheet/lines-delete.sql"), Map.of("timesheetId", timesheetId));
        insertLines(timesheetId, lines, now);
    }

    /** Corrects one line in place (it keeps its id and position); false when the timesheet has no such line. */
    public boolean updateLine(String timesheetId, ValidLine line, Instant now) {
        int updated = jdbc.update(sql.get("sql/timesheet/line-update.sql"),
                lineParams(timesheetId, line, now).addValue("timesheetId", timesheetId));
        if (updated == 0) {
            return false;
        }
        jdbc.update(sql.get("sql/timesheet/line-earnings-delete.sql"), Map.of("lineId", line.lineId()));
        insertEarnings(List.of(line));
        return true;
    }

    /** The export states of one line across connections, locked for the rest of the transaction. */
    public List<String> lockLineExportStates(String lineId) {
        return jdbc.queryForList(sql.get("sql/timesheet/line-exports-lock.sql"), Map.of("lineId", lineId), String.class);
    }

    public Map<String, String> lineOwners(List<String> lineIds) {
        Map<String, String> owners = new HashMap<>();
        if (lineIds.isEmpty()) {
            return owners;
        }
        jdbc.query(sql.get("sql/timesheet/line-owners.sql"), Map.of("lineIds", lineIds),
                rs -> {
                    owners.put(rs.getString("id"), rs.getString("timesheet_id"));
                });
        return owners;
    }

    /** The timesheet with its lines, their earnings and export states: four queries whatever the line count. */
    public Optional<TimesheetView> view(String timesheetId) {
        Optional<Head> head = head(timesheetId);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<LineEarning>> earnings = new HashMap<>();
        jdbc.query(sql.get("sql/timesheet/earnings-select.sql"), Map.of("timesheetId", timesheetId), rs -> {
            earnings.computeIfAbsent(rs.getString("line_id"), id -> new ArrayList<>())
                    .add(new LineEarning(rs.getString("code"), plain(rs.getBigDecimal("quantity"))));
        });
        Map<String, List<LineExport>> exports = new HashMap<>();
        jdbc.query(sql.get("sql/timesheet/exports-select.sql"), Map.of("timesheetId", timesheetId), rs -> {
            exports.computeIfAbsent(rs.getString("source_id"), id -> new ArrayList<>())
                    .add(new LineExport(rs.getString("connection_id"), rs.getString("state"), rs.getString("code"),
                            rs.getString("message"), instant(rs, "updated_at")));
        });
        List<LineView> lines = jdbc.query(sql.get("sql/timesheet/lines-select.sql"), Map.of("timesheetId", timesheetId),
                (rs, row) -> {
                    String id = rs.getString("id");
                    return new LineView(id, rs.getObject("work_date", LocalDate.class),
                            rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                            rs.getString("project_number"),
                            rs.getString("activity_code"), activityKind(rs), rs.getString("trade_code"),
                            plain(rs.getBigDecimal("hours")),
                            rs.getString("hour_type_code"), earnings.getOrDefault(id, List.of()),
                            exports.getOrDefault(id, List.of()), instant(rs, "updated_at"));
                });
        Head h = head.get();
        return Optional.of(new TimesheetView(h.id(), h.company(), h.employeeNumber(), h.status().name(),
                h.createdAt(), h.updatedAt(), lines));
    }

    public List<TimesheetSummary> search(String company, TimesheetStatus status, String after, int limit) {
        return jdbc.query(sql.get("sql/timesheet/timesheet-search.sql"), new MapSqlParameterSource()
                        .addValue("company", company, Types.VARCHAR)
                        .addValue("status", status == null ? null : status.name(), Types.VARCHAR)
                        .addValue("after", after == null ? "" : after)
                        .addValue("limit", limit),
                (rs, row) -> new TimesheetSummary(rs.getString("id"), rs.getString("company"),
                        rs.getString("employee_number"), rs.getString("status"), rs.getInt("line_count"),
                        instant(rs, "created_at"), instant(rs, "updated_at")));
    }

    private void insertLines(String timesheetId, List<ValidLine> lines, Instant now) {
        if (lines.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = new SqlParameterSource[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            rows[i] = lineParams(timesheetId, lines.get(i), now).addValue("position", i);
        }
        jdbc.batchUpdate(sql.get("sql/timesheet/line-insert.sql"), rows);
        insertEarnings(lines);
    }

    private void insertEarnings(List<ValidLine> lines) {
        List<SqlParameterSource> rows = new ArrayList<>();
        for (ValidLine line : lines) {
            for (LineEarning earning : line.earnings()) {
                rows.add(new MapSqlParameterSource()
                        .addValue("lineId", line.lineId())
                        .addValue("code", earning.code())
                        .addValue("quantity", earning.quantity()));
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql.get("sql/timesheet/earning-insert.sql"), rows.toArray(SqlParameterSource[]::new));
        }
    }

    private static MapSqlParameterSource lineParams(String timesheetId, ValidLine line, Instant now) {
        return new MapSqlParameterSource()
                .addValue("lineId", line.lineId())
                .addValue("timesheetId", timesheetId)
                .addValue("date", line.date())
                .addValue("start", line.start(), Types.TIME)
                .addValue("end", line.end(), Types.TIME)
                .addValue("projectId", line.projectId(), Types.BIGINT)
                .addValue("projectNumber", line.projectNumber())
                .addValue("activityId", line.activityId(), Types.BIGINT)
                .addValue("serviceCodeId", line.serviceCodeId(), Types.BIGINT)
                .addValue("activityCode", line.activityCode(), Types.VARCHAR)
                .addValue("tradeId", line.tradeId(), Types.BIGINT)
                .addValue("tradeCode", line.tradeCode(), Types.VARCHAR)
                .addValue("hours", line.hours())
                .addValue("hourTypeCode", line.hourTypeCode(), Types.VARCHAR)
                .addValue("now", Timestamps.utc(now));
    }

    /** The {@code activity_kind} column of a line query: null when the line names no activity. */
    static ActivityKind activityKind(ResultSet rs) throws SQLException {
        String kind = rs.getString("activity_kind");
        return kind == null ? null : ActivityKind.valueOf(kind);
    }

    /** 8.00 → 8, 42.5000 → 42.5: numbers as a person writes them, never in exponent form. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
