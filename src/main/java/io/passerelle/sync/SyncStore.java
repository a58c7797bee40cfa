package io.passerelle.sync;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.run.RecordError;
import io.passerelle.run.SqlFiles;
import io.passerelle.run.Timestamps;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one page of canonical records and the cursor that follows it, in one transaction: either
 * both are stored or neither. Unchanged records (same content hash) cost no write; everything else
 * goes in JDBC batches, with one lookup per page for what is already known.
 */
@Repository
public class SyncStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SqlFiles sql;

    public SyncStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, SqlFiles sql) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.sql = sql;
    }

    public Optional<SyncTarget> target(String connectionId) {
        List<Long> ids = jdbc.queryForList(sql.get("sql/sync/connection-company.sql"),
                Map.of("connectionId", connectionId), Long.class);
        return ids.stream().findFirst().map(companyId -> new SyncTarget(connectionId, companyId));
    }

    public Optional<Instant> watermark(SyncTarget target, CanonicalEntity entity) {
        List<Timestamp> found = jdbc.queryForList(sql.get("sql/sync/cursor-select.sql"), Map.of("connectionId",
                target.connectionId(), "companyId", target.companyId(), "entity", entity.name()), Timestamp.class);
        return found.stream().filter(java.util.Objects::nonNull).findFirst().map(Timestamp::toInstant);
    }

    /**
     * @param watermark the page's latest modification instant, stored as the cursor with the page
     * @param heldAt    the run's earliest instant it may not move past (see {@link PageResult#heldAt()}), or null
     */
    public PageResult writePage(SyncTarget target, CanonicalEntity entity, List<CanonicalRecord> records,
            Instant watermark, Instant heldAt) {
        return transaction.execute(status -> {
            PageWrite write = new PageWrite(target, entity, records);
            PageResult result = records.isEmpty()
                    ? new PageResult(0, 0, 0, List.of(), List.of(), heldAt)
                    : write.run(heldAt);
            advanceCursor(target, entity, watermark, result.heldAt());
            return result;
        });
    }

    /**
     * Saves the cursor a page leaves, in the caller's transaction: its watermark, or the earliest instant the run may
     * not move past ({@link PageResult#heldAt()}) when that is earlier; nothing when both are null. For writers of
     * their own ({@link EntityWriter}), which store the cursor with their page as this store does.
     */
    public void advanceCursor(SyncTarget target, CanonicalEntity entity, Instant watermark, Instant heldAt) {
        Instant cursor = earliest(watermark, heldAt);
        if (cursor != null) {
            saveWatermark(target, entity, cursor);
        }
    }

    /**
     * Writes records without touching the cursor: a retry's, which re-reads a flow for a few failed records and
     * says nothing of the rest of it.
     */
    public PageResult writeRecords(SyncTarget target, CanonicalEntity entity, List<CanonicalRecord> records) {
        if (records.isEmpty()) {
            return new PageResult(0, 0, 0, List.of(), List.of(), null);
        }
        return transaction.execute(status -> new PageWrite(target, entity, records).run(null));
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    /** Stores the cursor of a connection's entity in one company; null makes the next incremental run read everything. */
    void saveWatermark(SyncTarget target, CanonicalEntity entity, Instant watermark) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("connectionId", target.connectionId())
                .addValue("companyId", target.companyId())
                .addValue("entity", entity.name())
                .addValue("now", Timestamps.utc(Instant.now()));
        if (watermark == null) {
            params.addValue("watermark", null, Types.TIMESTAMP_WITH_TIMEZONE); // a typed null, for PostgreSQL
        } else {
            params.addValue("watermark", Timestamps.utc(watermark));
        }
        if (jdbc.update(sql.get("sql/sync/cursor-update.sql"), params) == 0) {
            jdbc.update(sql.get("sql/sync/cursor-insert.sql"), params);
        }
    }

    private record Known(long localId, String contentHash) {
    }

    private record Existing(long id, String matchKey, String looseKey, String displayKey) {
    }

    /** The work for one page; a fresh object per page keeps the steps readable without shared state. */
    private final class PageWrite {
        private final SyncTarget target;
        private final CanonicalEntity entity;
        private final List<CanonicalRecord> records;
        private final OffsetDateTime now = Timestamps.utc(Instant.now());
        private final List<RecordError> rejected = new ArrayList<>();
        private final List<RecordError> warnings = new ArrayList<>();
        private Instant held;

        PageWrite(SyncTarget target, CanonicalEntity entity, List<CanonicalRecord> records) {
            this.target = target;
            this.entity = entity;
            this.records = records;
        }

        PageResult run(Instant heldAt) {
            Map<String, CanonicalRecord> unique = dropDuplicateKeys();
            Map<String, Long> parentIds = resolveParents(unique);
            Map<String, Known> known = knownRefs(unique.keySet());

            List<CanonicalRecord> changed = new ArrayList<>();
            List<CanonicalRecord> fresh = new ArrayList<>();
            int unchanged = 0;
            for (CanonicalRecord record : unique.values()) {
                Known ref = known.get(record.matchKey());
                if (ref == null) {
                    fresh.add(record);
                } else if (ref.contentHash().equals(record.contentHash())) {
                    unchanged++;
                } else {
                    changed.add(record);
                }
            }
            updateRows(changed, known, parentIds);
            int linked = insertFresh(fresh, parentIds);
            return new PageResult(fresh.size() - linked, changed.size() + linked, unchanged, rejected, warnings,
                    earliest(heldAt, held));
        }

        /** Two items of one page that normalise to one key are ambiguous: keep the first, reject the next. */
        private Map<String, CanonicalRecord> dropDuplicateKeys() {
            Map<String, CanonicalRecord> unique = new LinkedHashMap<>();
            for (CanonicalRecord record : records) {
                CanonicalRecord first = unique.putIfAbsent(record.matchKey(), record);
                if (first != null) {
                    rejected.add(new RecordError(entity.apiName(), record.remoteKey(), "DUPLICATE_KEY",
                            "'" + record.remoteKey() + "' is the same key as '" + first.remoteKey()
                                    + "' once spaces and dashes are normalised; only the first was kept",
                            null, false));
                }
            }
            return unique;
        }

        private Map<String, Long> resolveParents(Map<String, CanonicalRecord> unique) {
            CanonicalEntity parent = entity.parent();
            if (parent == null) {
                return Map.of();
            }
            List<String> parentKeys = unique.values().stream().map(CanonicalRecord::parentMatchKey).distinct().toList();
            Map<String, Long> ids = new HashMap<>();
            jdbc.query(sql.get(parent.sqlFile("ids")),
                    new MapSqlParameterSource("companyId", target.companyId()).addValue("matchKeys", SqlFiles.keyRows(parentKeys)),
                    rs -> {
                        ids.put(rs.getString("match_key"), rs.getLong("id"));
                    });
            unique.values().removeIf(record -> {
                if (ids.containsKey(record.parentMatchKey())) {
                    return false;
                }
                held = earliest(held, record.remoteModifiedAt());
                rejected.add(new RecordError(entity.apiName(), record.remoteKey(), "UNKNOWN_PARENT",
                        parent.apiName() + " '" + record.parentMatchKey() + "' has not been synced; sync "
                                + parent.apiName() + " first", null, true));
                return true;
            });
            return ids;
        }

        private Map<String, Known> knownRefs(java.util.Collection<String> matchKeys) {
            Map<String, Known> known = new HashMap<>();
            if (matchKeys.isEmpty()) {
                return known;
            }
            jdbc.query(sql.get("sql/sync/remote-ref-select.sql"), refKey().addValue("matchKeys", SqlFiles.keyRows(matchKeys)), rs -> {
                known.put(rs.getString("match_key"), new Known(rs.getLong("local_id"), rs.getString("content_hash")));
            });
            return known;
        }

        private void updateRows(List<CanonicalRecord> changed, Map<String, Known> known, Map<String, Long> parentIds) {
            if (changed.isEmpty()) {
                return;
            }
            List<SqlParameterSource> rows = new ArrayList<>();
            List<SqlParameterSource> refs = new ArrayList<>();
            for (CanonicalRecord record : changed) {
                long id = known.get(record.matchKey()).localId();
                rows.add(rowParams(record, parentIds).addValue("id", id));
                refs.add(refParams(record, id));
            }
            jdbc.batchUpdate(sql.get(entity.sqlFile("update")), rows.toArray(SqlParameterSource[]::new));
            jdbc.batchUpdate(sql.get("sql/sync/remote-ref-update.sql"), refs.toArray(SqlParameterSource[]::new));
        }

        /**
         * New to this connection: link to a row the platform already has under the same key, or
         * insert one. A row that only nearly matches is reported, never merged: a person decides.
         * Answers how many were linked rather than inserted.
         */
        private int insertFresh(List<CanonicalRecord> fresh, Map<String, Long> parentIds) {
            if (fresh.isEmpty()) {
                return 0;
            }
            Map<String, Existing> byMatchKey = new HashMap<>();
            Map<String, Existing> byLooseKey = new HashMap<>();
            for (Existing row : existing(fresh)) {
                byMatchKey.put(row.matchKey(), row);
                byLooseKey.putIfAbsent(row.looseKey(), row);
            }

            List<SqlParameterSource> linkRows = new ArrayList<>();
            List<SqlParameterSource> linkRefs = new ArrayList<>();
            List<CanonicalRecord> inserts = new ArrayList<>();
            Map<String, CanonicalRecord> insertedByLooseKey = new HashMap<>();
            for (CanonicalRecord record : fresh) {
                Existing same = byMatchKey.get(record.matchKey());
                if (same != null) {
                    linkRows.add(rowParams(record, parentIds).addValue("id", same.id()));
                    linkRefs.add(refParams(record, same.id()));
                    continue;
                }
                Existing near = byLooseKey.get(record.looseKey());
                CanonicalRecord nearInPage = insertedByLooseKey.putIfAbsent(record.looseKey(), record);
                String nearKey = near != null ? near.displayKey() : nearInPage != null ? nearInPage.remoteKey() : null;
                if (nearKey != null) {
                    warnings.add(new RecordError(entity.apiName(), record.remoteKey(), "NEAR_MATCH",
                            "created '" + record.remoteKey() + "' as a new record; it resembles '" + nearKey
                                    + "' but differs beyond spaces and dashes: check whether they are the same",
                            null, false));
                }
                inserts.add(record);
            }
            if (!linkRows.isEmpty()) {
                jdbc.batchUpdate(sql.get(entity.sqlFile("update")), linkRows.toArray(SqlParameterSource[]::new));
            }
            List<SqlParameterSource> refs = new ArrayList<>(linkRefs);
            if (!inserts.isEmpty()) {
                // a plain batch, then the new ids read by key: asking the batch for its generated keys costs PostgreSQL
                // a round trip per few hundred rows, where a batch without results is one
                jdbc.batchUpdate(sql.get(entity.sqlFile("insert")),
                        inserts.stream().map(r -> (SqlParameterSource) rowParams(r, parentIds)).toArray(SqlParameterSource[]::new));
                Map<String, Long> ids = new HashMap<>();
                for (Existing row : existing(inserts)) {
                    ids.put(row.matchKey(), row.id());
                }
                for (CanonicalRecord record : inserts) {
                    Long id = ids.get(record.matchKey());
                    if (id == null) {
                        throw new IllegalStateException(entity.apiName() + " '" + record.remoteKey()
                                + "' was inserted but is not found under its key");
                    }
                    refs.add(refParams(record, id));
                }
            }
            jdbc.batchUpdate(sql.get("sql/sync/remote-ref-insert.sql"), refs.toArray(SqlParameterSource[]::new));
            return linkRows.size();
        }

        /** The company's rows that share a loose key with one of {@code records}: the same key or a near one. */
        private List<Existing> existing(List<CanonicalRecord> records) {
            return jdbc.query(sql.get(entity.sqlFile("existing")), new MapSqlParameterSource("companyId", target.companyId())
                    .addValue("looseKeys", SqlFiles.keyRows(records.stream().map(CanonicalRecord::looseKey).distinct().toList())),
                    (rs, row) -> new Existing(rs.getLong("id"), rs.getString("match_key"), rs.getString("loose_key"),
                            rs.getString("display_key")));
        }

        private MapSqlParameterSource rowParams(CanonicalRecord record, Map<String, Long> parentIds) {
            MapSqlParameterSource params = new MapSqlParameterSource(record.fields())
                    .addValue("companyId", target.companyId())
                    .addValue("matchKey", record.matchKey())
                    .addValue("looseKey", record.looseKey())
                    .addValue("searchText", record.searchText(), Types.VARCHAR)
                    .addValue("now", now);
            if (entity.parent() != null) {
                params.addValue(entity.parent().name().toLowerCase() + "Id", parentIds.get(record.parentMatchKey()));
            }
            return params;
        }

        private MapSqlParameterSource refParams(CanonicalRecord record, long localId) {
            return refKey()
                    .addValue("matchKey", record.matchKey())
                    .addValue("remoteKey", record.remoteKey())
                    .addValue("localId", localId)
                    .addValue("contentHash", record.contentHash())
                    .addValue("remoteModifiedAt", Timestamps.utc(record.remoteModifiedAt()))
                    .addValue("customFields", record.customFieldsText(), Types.VARCHAR)
                    .addValue("now", now);
        }

        private MapSqlParameterSource refKey() {
            return new MapSqlParameterSource("connectionId", target.connectionId())
                    .addValue("companyId", target.companyId()).addValue("entity", entity.name());
        }
    }
}
