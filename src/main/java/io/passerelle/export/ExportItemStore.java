package io.passerelle.export;

import io.passerelle.sync.SqlFiles;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The export ledger: one row per item and connection, moved through its states in batches. */
@Repository
public class ExportItemStore {

    private static final int MAX_MESSAGE = 2000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SqlFiles sql;

    public ExportItemStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, SqlFiles sql) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.sql = sql;
    }

    public record InDoubt(String sourceId, String idempotencyKey) {
    }

    public List<InDoubt> inDoubt(String connectionId, String kind, String after, int limit) {
        return jdbc.query(sql.get("sql/export/in-doubt.sql"), new MapSqlParameterSource("connectionId", connectionId)
                .addValue("kind", kind).addValue("after", after == null ? "" : after).addValue("limit", limit),
                (rs, n) -> new InDoubt(rs.getString("source_id"), rs.getString("idempotency_key")));
    }

    /** Marks the batch SENT, creating rows for items new to this connection, and commits before the send. */
    public void sending(String connectionId, String kind, String batchId, long runId, List<? extends PreparedItem<?>> batch) {
        transaction.executeWithoutResult(status -> {
            Set<String> known = known(connectionId, kind, batch.stream().map(PreparedItem::sourceId).toList());
            List<SqlParameterSource> inserts = new ArrayList<>();
            List<SqlParameterSource> updates = new ArrayList<>();
            for (PreparedItem<?> item : batch) {
                MapSqlParameterSource row = key(connectionId, kind, item.sourceId()).addValue("batchId", batchId)
                        .addValue("runId", runId).addValue("now", now());
                if (known.contains(item.sourceId())) {
                    updates.add(row);
                } else {
                    inserts.add(row.addValue("idempotencyKey", item.idempotencyKey()).addValue("state", ExportState.SENT.name())
                            .addValue("attempts", 1).addValue("code", null, Types.VARCHAR).addValue("message", null, Types.VARCHAR));
                }
            }
            batchUpdate("sql/export/item-insert.sql", inserts);
            batchUpdate("sql/export/item-sending.sql", updates);
        });
    }

    /** Records outcomes; an item seen for the first time (refused before sending) gets its row here. */
    public void outcomes(String connectionId, String kind, long runId, Map<String, ItemOutcome> bySourceId,
            Map<String, String> idempotencyKeys) {
        transaction.executeWithoutResult(status -> {
            Set<String> known = known(connectionId, kind, bySourceId.keySet());
            List<SqlParameterSource> inserts = new ArrayList<>();
            List<SqlParameterSource> updates = new ArrayList<>();
            bySourceId.forEach((sourceId, outcome) -> {
                MapSqlParameterSource row = key(connectionId, kind, sourceId)
                        .addValue("state", outcome.state().name())
                        .addValue("code", outcome.code(), Types.VARCHAR)
                        .addValue("message", truncate(outcome.message()), Types.VARCHAR)
                        .addValue("runId", runId).addValue("now", now());
                if (known.contains(sourceId)) {
                    updates.add(row);
                } else {
                    inserts.add(row.addValue("idempotencyKey", idempotencyKeys.getOrDefault(sourceId, sourceId))
                            .addValue("batchId", null, Types.VARCHAR).addValue("attempts", 0));
                }
            });
            batchUpdate("sql/export/item-insert.sql", inserts);
            batchUpdate("sql/export/item-outcome.sql", updates);
        });
    }

    private Set<String> known(String connectionId, String kind, Collection<String> sourceIds) {
        Set<String> known = new HashSet<>();
        if (sourceIds.isEmpty()) {
            return known;
        }
        jdbc.query(sql.get("sql/export/item-states.sql"), new MapSqlParameterSource("connectionId", connectionId)
                .addValue("kind", kind).addValue("sourceIds", io.passerelle.sync.SyncStore.rows(sourceIds)), rs -> {
                    known.add(rs.getString("source_id"));
                });
        return known;
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
