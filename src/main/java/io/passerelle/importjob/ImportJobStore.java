package io.passerelle.importjob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.run.RunErrorView;
import io.passerelle.run.SqlFiles;
import io.passerelle.run.Timestamps;
import io.passerelle.run.Trigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code import_job} and {@code import_job_run} rows; a job's companies and flows are JSON lists. */
@Repository
class ImportJobStore {

    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final ObjectMapper json;

    ImportJobStore(NamedParameterJdbcTemplate jdbc, SqlFiles sql, ObjectMapper json) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.json = json;
    }

    long insert(JobSettings settings, String owner, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(sql.get("sql/importjob/insert.sql"), settings(settings)
                .addValue("connectionId", settings.connectionId())
                .addValue("owner", owner, Types.VARCHAR)
                .addValue("createdAt", Timestamps.utc(at))
                .addValue("updatedAt", Timestamps.utc(at)), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    void update(long id, JobSettings settings, Instant at) {
        jdbc.update(sql.get("sql/importjob/update.sql"), settings(settings).addValue("id", id)
                .addValue("updatedAt", Timestamps.utc(at)));
    }

    void delete(long id) {
        jdbc.update(sql.get("sql/importjob/delete.sql"), Map.of("id", id));
    }

    /** The job, when its connection is live. */
    Optional<ImportJob> find(long id) {
        return jdbc.query(sql.get("sql/importjob/select-by-id.sql"), Map.of("id", id), this::job).stream().findFirst();
    }

    /** The jobs of live connections, of one when {@code connectionId} is not null. */
    List<ImportJob> list(String connectionId) {
        return jdbc.query(sql.get("sql/importjob/select.sql"),
                new MapSqlParameterSource().addValue("connectionId", connectionId, Types.VARCHAR), this::job);
    }

    /** The jobs with a schedule, of live connections (of one when {@code connectionId} is not null). */
    List<ImportJob> scheduled(String connectionId) {
        return jdbc.query(sql.get("sql/importjob/scheduled.sql"),
                new MapSqlParameterSource().addValue("connectionId", connectionId, Types.VARCHAR), this::job);
    }

    long insertRun(long jobId, Trigger trigger, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(sql.get("sql/importjob/run-insert.sql"), new MapSqlParameterSource("jobId", jobId)
                .addValue("trigger", trigger.name())
                .addValue("startedAt", Timestamps.utc(at)), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    void deleteRun(long runId) {
        jdbc.update(sql.get("sql/importjob/run-delete.sql"), Map.of("id", runId));
    }

    Optional<JobRunRow> run(long jobId, long runId) {
        return jdbc.query(sql.get("sql/importjob/run-select.sql"), Map.of("jobId", jobId, "id", runId),
                ImportJobStore::run).stream().findFirst();
    }

    /** Newest first. */
    List<JobRunRow> runs(long jobId, int limit) {
        return jdbc.query(sql.get("sql/importjob/runs.sql"), Map.of("jobId", jobId, "limit", limit), ImportJobStore::run);
    }

    /** The first {@code limit} errors of a line (a sync run). */
    List<RunErrorView> lineErrors(long syncRunId, int limit) {
        return jdbc.query(sql.get("sql/importjob/line-errors.sql"), Map.of("runId", syncRunId, "limit", limit),
                (rs, n) -> new RunErrorView(rs.getLong("id"), rs.getString("entity"), rs.getString("remote_key"),
                        rs.getString("code"), rs.getString("message"), null, rs.getBoolean("retryable")));
    }

    /** How many errors each line of a job's run has, by sync run id; lines without any are not there. */
    Map<Long, Integer> errorCounts(long importRunId) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query(sql.get("sql/importjob/line-error-counts.sql"), Map.of("importRunId", importRunId), rs -> {
            counts.put(rs.getLong("run_id"), rs.getInt("errors"));
        });
        return counts;
    }

    private MapSqlParameterSource settings(JobSettings settings) {
        JobRange range = settings.range();
        return new MapSqlParameterSource()
                .addValue("name", settings.name())
                .addValue("companies", settings.companies() == null ? null : write(settings.companies()), Types.VARCHAR)
                .addValue("flows", write(settings.flows()))
                .addValue("rangeKind", range.kind().name())
                .addValue("rangeDays", range.days(), Types.INTEGER)
                .addValue("rangeFrom", range.from(), Types.DATE)
                .addValue("rangeTo", range.to(), Types.DATE)
                .addValue("schedule", settings.schedule(), Types.VARCHAR);
    }

    private ImportJob job(ResultSet rs, int row) throws SQLException {
        String companies = rs.getString("companies");
        JobRange range = new JobRange(RangeKind.valueOf(rs.getString("range_kind")),
                rs.getObject("range_days", Integer.class), rs.getObject("range_from", LocalDate.class),
                rs.getObject("range_to", LocalDate.class));
        JobSettings settings = new JobSettings(rs.getString("name"), rs.getString("connection_id"),
                companies == null ? null : read(companies), read(rs.getString("flows")), range, rs.getString("schedule"));
        return new ImportJob(rs.getLong("id"), settings, rs.getString("owner"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static JobRunRow run(ResultSet rs, int row) throws SQLException {
        return new JobRunRow(rs.getLong("id"), rs.getLong("job_id"), rs.getString("trigger_type"),
                instant(rs.getTimestamp("started_at")));
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of texts as JSON", e);
        }
    }

    private List<String> read(String text) {
        try {
            return json.readValue(text, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import job's stored list is not JSON", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
