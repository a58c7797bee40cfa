package io.passerelle.sandbox.kit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The records of one entity as the ERP holds them (JSON), in key order, so that pages are stable and a client
 * paging through sees each record once; found by key or by id. The key function decides how keys compare:
 * exactly, as numbers, or as the ERP's database collation does (Acumatica: case and trailing blanks ignored).
 * Not thread-safe: the dataset that owns its tables serialises access and hands out copies.
 */
public final class JsonTable<K extends Comparable<? super K>> {

    private final Function<ObjectNode, K> keyOf;
    private final Function<ObjectNode, String> idOf;
    private final TreeMap<K, ObjectNode> byKey = new TreeMap<>();
    private final Map<String, ObjectNode> byId = new HashMap<>();

    /** {@code idOf} gives the record's id (its {@code id} field, its Id...), or null when it has none. */
    public JsonTable(Function<ObjectNode, K> keyOf, Function<ObjectNode, String> idOf) {
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
        this.idOf = Objects.requireNonNull(idOf, "idOf");
    }

    /** Stores the record under its key (and id), replacing the one with that key; answers the one replaced. */
    public ObjectNode put(ObjectNode record) {
        ObjectNode previous = byKey.put(keyOf.apply(record), record);
        if (previous != null) {
            forget(previous);
        }
        String id = idOf.apply(record);
        if (id != null) {
            byId.put(id, record);
        }
        return previous;
    }

    public ObjectNode remove(K key) {
        ObjectNode removed = byKey.remove(key);
        if (removed != null) {
            forget(removed);
        }
        return removed;
    }

    /** The stored record, or null; callers copy it before it leaves the dataset. */
    public ObjectNode get(K key) {
        return byKey.get(key);
    }

    public boolean containsKey(K key) {
        return byKey.containsKey(key);
    }

    /** The stored record with this id, or null. */
    public ObjectNode byId(String id) {
        return byId.get(id);
    }

    /** The stored records in key order, live; callers copy what leaves the dataset. */
    public Collection<ObjectNode> values() {
        return Collections.unmodifiableCollection(byKey.values());
    }

    public int size() {
        return byKey.size();
    }

    private void forget(ObjectNode record) {
        String id = idOf.apply(record);
        if (id != null) {
            byId.remove(id, record);
        }
    }
}
