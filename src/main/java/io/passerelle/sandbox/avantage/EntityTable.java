package io.passerelle.sandbox.avantage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * The records of one entity, kept sorted in LIST order so that a page is a seek plus {@code limit} steps,
 * whatever the table size. Readers never lock (weakly consistent iteration, like a database read without
 * snapshot isolation); writers serialise on the table.
 */
final class EntityTable<T extends AvantageItem> {

    private final ConcurrentSkipListMap<Ordered, T> ordered = new ConcurrentSkipListMap<>(Ordered.LIST_ORDER);
    private final ConcurrentHashMap<String, T> byId = new ConcurrentHashMap<>();
    /** Secondary ordered index by a grouping field (ACTIVITY by project); null when not grouped. */
    private final Function<T, String> groupOf;
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Ordered, T>> byGroup = new ConcurrentHashMap<>();

    EntityTable(Function<T, String> groupOf) {
        this.groupOf = groupOf;
    }

    /** Inserts or replaces by id; returns the previous record, if any. */
    synchronized T put(T item) {
        T previous = byId.put(item.id(), item);
        if (previous != null) {
            ordered.remove(previous);
            if (groupOf != null) {
                ConcurrentSkipListMap<Ordered, T> group = byGroup.get(groupOf.apply(previous));
                if (group != null) {
                    group.remove(previous);
                }
            }
        }
        ordered.put(item, item);
        if (groupOf != null) {
            byGroup.computeIfAbsent(groupOf.apply(item), g -> new ConcurrentSkipListMap<>(Ordered.LIST_ORDER))
                    .put(item, item);
        }
        return previous;
    }

    synchronized void clear() {
        ordered.clear();
        byId.clear();
        byGroup.clear();
    }

    Optional<T> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    int size() {
        return byId.size();
    }

    /** All records in LIST order (a copy: callers may hold it while the table changes). */
    List<T> snapshot() {
        return new ArrayList<>(ordered.values());
    }

    /** The first {@code count} records in LIST order: the least recently modified. */
    List<T> oldest(int count) {
        List<T> out = new ArrayList<>(Math.min(count, 1024));
        Iterator<T> it = ordered.values().iterator();
        while (out.size() < count && it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    /**
     * One page: records after {@code from} (inclusive or not) in LIST order, within {@code group} if given.
     * Reads one record beyond the page to know whether a next page exists.
     */
    Page<T> page(String group, Ordered from, boolean inclusive, int limit) {
        NavigableMap<Ordered, T> source = ordered;
        if (group != null) {
            source = byGroup.get(group);
            if (source == null) {
                return new Page<>(List.of(), false);
            }
        }
        Map<Ordered, T> tail = from == null ? source : source.tailMap(from, inclusive);
        List<T> items = new ArrayList<>(Math.min(limit, 1024));
        Iterator<T> it = tail.values().iterator();
        while (items.size() < limit && it.hasNext()) {
            items.add(it.next());
        }
        return new Page<>(items, it.hasNext());
    }

    record Page<T>(List<T> items, boolean more) {
    }
}
