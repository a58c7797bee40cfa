package io.passerelle.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every run is a row with its counts; every record that was not written is a row under it. */
@Repository
public class RunStore implements RunHistory {

    static final int MAX_MESSAGE = 2000;
    /** What an inbound run counts, in the order runs show them; {@code skipped}: left out by the flow's filter. */
    static final List<String> SYNC_COUNTS = List.of("read", "created", "updated", "unchanged", "rejected", "failed",
            "skipped");
    private static final List<String> EXPORT_COUNTS =
            List.of("read", "sent", "accepted", "duplicates", "rejected", "unknown", "failed");
    private static final int MAX_PAYLOAD = 4000;

    private final Instance instance;
    private final InstanceProperties instances;
    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final ApplicationEventPublisher events;

    public RunStore(NamedParameterJdbcTemplate jdbc, SqlFiles sql, ApplicationEventPublisher events, Instance instance,
            InstanceProperties instances) {
        this.instance = instance;
        this.instances = instances;
        this.jdbc = jdbc;
        this.sql = sql;
        this.events = events;
    }

    public long create(String connectionId, String flow, String direction, Trigger trigger, SyncMode mode) {
        return create(connectionId, flow, direction, trigger, mode, null);
    }

    /** @param retryOf the run whose failed records this one retries, or null */
    public long create(String connectionId, String flow, String direction, Trigger trigger, SyncMode mode, Long retryOf) {
        return create(connectionId, flow, direction, trigger, mode, retryOf, null, null);
    }

    /**
     * @param company     the company the run imports, as it is named now (null: the connection's own, or an export)
     * @param importRunId the import job's run this run is a line of, or null
     */
    public long create(String connectionId, String flow, String direction, Trigger trigger, SyncMode mode, Long retryOf,
            RunCompany company, Long importRunId) {
        return create(connectionId, flow, direction, trigger, mode, retryOf, company, importRunId, null);
    }

    /** @param project the project whose records alone the run syncs, as the ERP spells its number; null: every one */
    public long create(String connectionId, String flow, String direction, Trigger trigger, SyncMode mode, Long retryOf,
            RunCompany company, Long importRunId, String project) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(sql.get("sql/run/insert.sql"), new MapSqlParameterSource()
                .addValue("connectionId", connectionId)
                .addValue("flow", flow)
                .addValue("direction", direction)
                .addValue("trigger", trigger.name())
                .addValue("mode", mode.name())
                .addValue("retryOf", retryOf, Types.BIGINT)
                .addValue("companyId", company == null ? null : company.id(), Types.BIGINT)
                .addValue("erpCompanyId", company == null ? null : company.erpCompanyId(), Types.VARCHAR)
                .addValue("companyName", company == null ? null : truncate(company.name(), 1000), Types.VARCHAR)
                .addValue("importRunId", importRunId, Types.BIGINT)
                .addValue("project", project, Types.VARCHAR)
                .addValue("instanceId", instance.id())
                .addValue("startedAt", Timestamps.utc(Instant.now())), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    public void started(long runId) {
        jdbc.update(sql.get("sql/run/start.sql"),
                new MapSqlParameterSource("id", runId).addValue("startedAt", Timestamps.utc(Instant.now())));
    }

    public void finish(long runId, String status, Map<String, Integer> counts, String message) {
        finish(runId, status, counts, message, null);
    }

    /** @param failure what failed the run, or null; announced with it ({@link RunFinished#failure}) */
    public void finish(long runId, String status, Map<String, Integer> counts, String message, Throwable failure) {
        finish(runId, status, counts, message, failure, SYNC_COUNTS, "sql/run/finish.sql");
    }

    private void announce(long runId, Throwable failure) {
        find(runId).ifPresent(run -> events.publishEvent(new RunFinished(run, failure)));
    }

    /** Finishes an outbound run, whose counts are items: read, sent, accepted, duplicates, rejected, unknown, failed. */
    public void finishExport(long runId, String status, Map<String, Integer> counts, String message) {
        finishExport(runId, status, counts, message, null);
    }

    /** @param failure what failed the run, or null; announced with it ({@link RunFinished#failure}) */
    public void finishExport(long runId, String status, Map<String, Integer> counts, String message,
            Throwable failure) {
        finish(runId, status, counts, message, failure, EXPORT_COUNTS, "sql/run/finish-export.sql");
    }

    /** Inbound and outbound runs count different things, in columns of their own: each has its list and its file. */
    private void finish(long runId, String status, Map<String, Integer> counts, String message, Throwable failure,
            List<String> names, String file) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", runId)
                .addValue("finishedAt", Timestamps.utc(Instant.now()))
                .addValue("status", status)
                .addValue("message", truncate(message, MAX_MESSAGE), Types.VARCHAR);
        for (String count : names) {
            params.addValue(count, counts.getOrDefault(count, 0));
        }
        jdbc.update(sql.get(file), params);
        announce(runId, failure);
    }

    /**
     * An export run's counts so far, written in the transaction of each batch it records (cheap: one row by its
     * key), so that a run whose process stops shows what it had sent and what was answered.
     */
    public void progressExport(long runId, Map<String, Integer> counts) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", runId);
        for (String count : EXPORT_COUNTS) {
            params.addValue(count, counts.getOrDefault(count, 0));
        }
        jdbc.update(sql.get("sql/run/progress-export.sql"), params);
    }

    /**
     * An inbound run's counts so far, after each page it writes (one row by its key), so that a running run shows the
     * records read so far and a run whose process stops keeps what it had done.
     */
    public void progress(long runId, Map<String, Integer> counts) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", runId);
        for (String count : SYNC_COUNTS) {
            params.addValue(count, counts.getOrDefault(count, 0));
        }
        jdbc.update(sql.get("sql/run/progress.sql"), params);
    }

    public void addErrors(long runId, List<RecordError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        Object now = Timestamps.utc(Instant.now());
        SqlParameterSource[] rows = errors.stream().map(error -> new MapSqlParameterSource("runId", runId)
                .addValue("entity", error.entity())
                .addValue("remoteKey", truncate(error.remoteKey(), 512), Types.VARCHAR)
                .addValue("code", error.code())
                .addValue("message", truncate(error.message(), MAX_MESSAGE))
                .addValue("payload", truncate(error.payload(), MAX_PAYLOAD), Types.VARCHAR)
                .addValue("retryable", error.retryable())
                .addValue("createdAt", now)).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(sql.get("sql/run/error-insert.sql"), rows);
    }

    /**
     * Runs a stopped process left RUNNING can never finish; say so instead of showing them forever running. Those of
     * another instance that still heart-beats are going on there, and stay.
     */
    public int abandonRunning() {
        Instant now = Instant.now();
        return jdbc.update(sql.get("sql/run/abandon-running.sql"), new MapSqlParameterSource("now", Timestamps.utc(now))
                .addValue("cutoff", Timestamps.utc(now.minus(instances.deadAfter()))).addValue("me", instance.id()));
    }

    @Override
    public Optional<RunView> find(long runId) {
        return jdbc.query(sql.get("sql/run/select-by-id.sql"), Map.of("id", runId), RunStore::toView).stream().findFirst();
    }

    /** The runs made as lines of an import job's run, in the order they were made. */
    public List<RunView> ofImportRun(long importRunId) {
        return jdbc.query(sql.get("sql/run/select-by-import-run.sql"), Map.of("importRunId", importRunId),
                RunStore::toView);
    }

    @Override
    public List<RunView> search(String connectionId, String flow, String status, int limit) {
        return jdbc.query(sql.get("sql/run/search.sql"), new MapSqlParameterSource()
                .addValue("connectionId", connectionId, Types.VARCHAR)
                .addValue("flow", flow, Types.VARCHAR)
                .addValue("status", status, Types.VARCHAR)
                .addValue("limit", limit), RunStore::toView);
    }

    @Override
    public List<RunView> search(RunFilter filter, Long before, int limit) {
        return jdbc.query(sql.get("sql/run/search-page.sql"), new MapSqlParameterSource()
                .addValue("connectionId", filter.connectionId(), Types.VARCHAR)
                .addValue("flow", filter.flow(), Types.VARCHAR)
                .addValue("status", filter.status(), Types.VARCHAR)
                .addValue("trigger", filter.trigger(), Types.VARCHAR)
                .addValue("companyId", filter.companyId(), Types.BIGINT)
                .addValue("before", before == null ? 0 : before)
                .addValue("limit", limit), RunStore::toView);
    }

    @Override
    public List<RunErrorView> errors(long runId) {
        return jdbc.query(sql.get("sql/run/errors.sql"), Map.of("runId", runId), (rs, n) -> new RunErrorView(
                rs.getLong("id"), rs.getString("entity"), rs.getString("remote_key"), rs.getString("code"),
                rs.getString("message"), rs.getString("payload"), rs.getBoolean("retryable"), company(rs)));
    }

    private static RunView toView(ResultSet rs, int row) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> names = "OUT".equals(rs.getString("direction")) ? EXPORT_COUNTS : SYNC_COUNTS;
        for (String name : names) {
            counts.put(name, rs.getInt("count_" + name));
        }
        return new RunView(rs.getLong("id"), rs.getString("connection_id"), rs.getString("flow"),
                rs.getString("direction"), rs.getString("trigger_type"), rs.getString("mode"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                rs.getString("status"), counts, rs.getString("message"), rs.getObject("retry_of", Long.class),
                company(rs), rs.getString("project"));
    }

    private static RunCompany company(ResultSet rs) throws SQLException {
        Long companyId = rs.getObject("company_id", Long.class);
        String erpCompanyId = rs.getString("erp_company_id");
        return erpCompanyId == null ? null : new RunCompany(companyId, erpCompanyId, rs.getString("company_name"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
