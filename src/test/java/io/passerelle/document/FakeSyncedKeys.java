package io.passerelle.document;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.sync.SyncedKey;
import io.passerelle.sync.SyncedKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Synced records in memory, keyed as the sync keys them ({@link KeyNormalizer#matchKey}), for validator tests;
 * it counts the look-ups, one per entity, to show that a document is looked up in one batch.
 */
public final class FakeSyncedKeys implements SyncedKeys {

    private final String connectionId;
    private final long companyId;
    private final Map<CanonicalEntity, Map<String, SyncedKey>> records = new EnumMap<>(CanonicalEntity.class);
    public final List<CanonicalEntity> calls = new ArrayList<>();

    public FakeSyncedKeys(String connectionId, long companyId) {
        this.connectionId = connectionId;
        this.companyId = companyId;
    }

    /** A record synced with this raw ERP code, without a status. */
    public FakeSyncedKeys with(CanonicalEntity entity, String code) {
        return with(entity, code, null);
    }

    /** A record synced with this raw ERP code and status. */
    public FakeSyncedKeys with(CanonicalEntity entity, String code, String status) {
        records.computeIfAbsent(entity, e -> new HashMap<>()).put(KeyNormalizer.matchKey(code),
                new SyncedKey(records.getOrDefault(entity, Map.of()).size() + 1, code, status));
        return this;
    }

    /** A project task synced under {@code project}. */
    public FakeSyncedKeys withTask(String project, String task) {
        records.computeIfAbsent(CanonicalEntity.PROJECT_TASK, e -> new HashMap<>()).put(
                KeyNormalizer.compositeKey(KeyNormalizer.matchKey(project), KeyNormalizer.matchKey(task)),
                new SyncedKey(records.getOrDefault(CanonicalEntity.PROJECT_TASK, Map.of()).size() + 1, task, null));
        return this;
    }

    @Override
    public Optional<Long> companyOfConnection(String id) {
        return id.equals(connectionId) ? Optional.of(companyId) : Optional.empty();
    }

    @Override
    public Map<String, SyncedKey> find(long company, CanonicalEntity entity, Collection<String> matchKeys) {
        calls.add(entity);
        Map<String, SyncedKey> found = new HashMap<>();
        if (company == companyId) {
            for (String key : matchKeys) {
                SyncedKey record = records.getOrDefault(entity, Map.of()).get(key);
                if (record != null) {
                    found.put(key, record);
                }
            }
        }
        return found;
    }
}
