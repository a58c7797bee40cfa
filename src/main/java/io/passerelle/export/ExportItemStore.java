package io.passerelle.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.run.SqlFiles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export ledger: one row per item and connection, moved through its states in batches. A first-time item's
 * row is written once, with the batch's answer; until then the batch's export_batch row stands for it.
 */
@Repository
public class ExportItemStore {

    private static final int MAX_MESSAGE = 2000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SqlFiles sql;
    private final ObjectMapper json;

    public ExportItemStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, SqlFiles sql, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.sql = sql;
        this.json = json;
    }

    public record InDoubt(String sourceId, String idempotencyKey) {
    }

    public List<InDoubt> inDoubt(String connectionId, String kind, String after, int limit) {
        return jdbc.query(sql.get("sql/export/in-doubt.sql"), new MapSqlParameterSource("connectionId", connectionId)
                .addValue("kind", kind).addValue("after", after == null ? "" : after).addValue("limit", limit),
                (rs, n) -> new InDoubt(rs.getString("source_id"), rs.getString("idempotency_key")));
    }

    /**
     * Before a batch goes, committed: items already in the ledger are marked SENT; first-time items are listed
     * in one export_batch row instead of a row each, so that each gets its row once, with the answer.
     */
    public void sending(String connectionId, String kind, String batchId, long runId, List<? extends PreparedItem<?>> batch,
            Set<String> firstTime) {
        OffsetDateTime now = now();
        List<String[]> fresh = new ArrayList<>();
        List<SqlParameterSource> retried = new ArrayList<>();
        for (PreparedItem<?> item : batch) {
            if (firstTime.contains(item.sourceId())) {
                fresh.add(new String[] {item.sourceId(), item.idempotencyKey()});
            } else {
                retried.add(key(connectionId, kind, item.sourceId()).addValue("batchId", batchId)
                        .addValue("runId", runId).addValue("now", now));
            }
        }
        transaction.executeWithoutResult(status -> {
            if (!fresh.isEmpty()) {
                jdbc.update(sql.get("sql/export/batch-insert.sql"), batchKey(connectionId, kind, batchId)
                        .addValue("runId", runId).addValue("items", json(fresh)).addValue("now", now));
            }
            batchUpdate("sql/export/item-sending.sql", retried);
        });
    }

    /**
     * A batch's answer, in one transaction: first-time items get their row in their final state, items already in
     * the ledger are updated, and the batch's export_batch row goes. An item absent from {@code bySourceId} keeps
     * no row if it was new (it never left: a batch that was not sent) or its SENT one.
     */
    public void answered(String connectionId, String kind, String batchId, long runId, Map<String, ItemOutcome> bySourceId,
            Set<String> firstTime) {
        OffsetDateTime now = now();
        List<SqlParameterSource> inserts = new ArrayList<>();
        List<SqlParameterSource> updates = new ArrayList<>();
        bySourceId.forEach((sourceId, outcome) -> {
            MapSqlParameterSource row = outcomeRow(connectionId, kind, runId, sourceId, outcome, now);
            if (firstTime.contains(sourceId)) {
                inserts.add(row.addValue("idempotencyKey", outcome.idempotencyKey()).addValue("batchId", batchId)
                        .addValue("attempts", 1));
            } else {
                updates.add(row);
            }
        });
        transaction.executeWithoutResult(status -> {
            batchUpdate("sql/export/item-insert.sql", inserts);
            batchUpdate("sql/export/item-outcome.sql", updates);
            jdbc.update(sql.get("sql/export/batch-delete.sql"), batchKey(connectionId, kind, batchId));
        });
    }

    /**
     * Batches of this connection and kind whose answer was never recorded (the process stopped while they were
     * on the wire) become SENT items, which {@link #inDoubt} then returns. Answers how many items.
     */
    public int expandOrphans(String connectionId, String kind) {
        return expand(jdbc.query(sql.get("sql/export/batch-orphans.sql"),
                new MapSqlParameterSource("connectionId", connectionId).addValue("kind", kind), ExportItemStore::orphan));
    }

    /** As {@link #expandOrphans(String, String)} for every connection: at start-up, so that SENT shows at once. */
    public int expandAllOrphans() {
        return expand(jdbc.query(sql.get("sql/export/batch-orphans-all.sql"), ExportItemStore::orphan));
    }

    private record Orphan(String connectionId, String kind, String batchId, long runId, String items) {
    }

    private static Orphan orphan(ResultSet rs, int row) throws SQLException {
        return new Orphan(rs.getString("connection_id"), rs.getString("kind"), rs.getString("batch_id"),
                rs.getLong("run_id"), rs.getString("items"));
    }

    private int expand(List<Orphan> orphans) {
        int items = 0;
        for (Orphan orphan : orphans) {
            String[][] listed = parse(orphan.items());
            items += listed.length;
            transaction.executeWithoutResult(status -> {
                Set<String> known = known(orphan.connectionId(), orphan.kind(),
                        Arrays.stream(listed).map(item -> item[0]).toList());
                List<SqlParameterSource> inserts = new ArrayList<>();
                OffsetDateTime now = now();
                for (String[] item : listed) {
                    if (!known.contains(item[0])) {
                        inserts.add(outcomeRow(orphan.connectionId(), orphan.kind(), orphan.runId(), item[0],
                                new ItemOutcome(item[1], ExportState.SENT, null, null), now)
                                .addValue("idempotencyKey", item[1]).addValue("batchId", orphan.batchId())
                                .addValue("attempts", 1));
                    }
                }
                batchUpdate("sql/export/item-insert.sql", inserts);
                jdbc.update(sql.get("sql/export/batch-delete.sql"),
                        batchKey(orphan.connectionId(), orphan.kind(), orphan.batchId()));
            });
        }
        return items;
    }

    private Set<String> known(String connectionId, String kind, List<String> sourceIds) {
        Set<String> known = new HashSet<>();
        jdbc.query(sql.get("sql/export/item-known.sql"), new MapSqlParameterSource("connectionId", connectionId)
                .addValue("kind", kind).addValue("sourceIds", SqlFiles.keyRows(sourceIds)), rs -> {
                    known.add(rs.getString("source_id"));
                });
        return known;
    }

    /**
     * Records outcomes by source id, outside a batch's answer (reconciliation, refusals before sending). Items in
     * {@code firstTime} (refused before they were ever sent) get their row here; every other item has one.
     */
    public void outcomes(String connectionId, String kind, long runId, Map<String, ItemOutcome> bySourceId,
            Set<String> firstTime) {
        OffsetDateTime now = now();
        List<SqlParameterSource> inserts = new ArrayList<>();
        List<SqlParameterSource> updates = new ArrayList<>();
        bySourceId.forEach((sourceId, outcome) -> {
            MapSqlParameterSource row = outcomeRow(connectionId, kind, runId, sourceId, outcome, now);
            if (firstTime.contains(sourceId)) {
                inserts.add(row.addValue("idempotencyKey", outcome.idempotencyKey())
                        .addValue("batchId", null, Types.VARCHAR).addValue("attempts", 0));
            } else {
                updates.add(row);
            }
        });
        transaction.executeWithoutResult(status -> {
            batchUpdate("sql/export/item-insert.sql", inserts);
            batchUpdate("sql/export/item-outcome.sql", updates);
        });
    }

    private static MapSqlParameterSource outcomeRow(String connectionId, String kind, long runId, String sourceId,
            ItemOutcome outcome, OffsetDateTime now) {
        return key(connectionId, kind, sourceId)
                .addValue("state", outcome.state().name())
                .addValue("code", outcome.code(), Types.VARCHAR)
                .addValue("message", truncate(outcome.message()), Types.VARCHAR)
                .addValue("runId", runId).addValue("now", now);
    }

    private static MapSqlParameterSource batchKey(String connectionId, String kind, String batchId) {
        return new MapSqlParameterSource("connectionId", connectionId).addValue("kind", kind).addValue("batchId", batchId);
    }

    private String json(List<String[]> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not list the batch's items", e);
        }
    }

    private String[][] parse(String items) {
        try {
            return json.readValue(items, String[][].class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export_batch row lists its items in a form this version cannot read", e);
        }
    }

    private void batchUpdate(String file, List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql.get(file), rows.toArray(SqlParameterSource[]::new));
        }
    }

    private static MapSqlParameterSource key(String connectionId, String kind, String sourceId) {
        return new MapSqlParameterSource("connectionId", connectionId).addValue("kind", kind).addValue("sourceId", sourceId);
    }

    private static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
