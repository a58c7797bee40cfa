package io.passerelle.sandbox.kit;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many times each named thing happened, for tests that assert how a client behaved. Thread-safe. */
public final class Tally {

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void add(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public long get(String key) {
        LongAdder n = counts.get(key);
        return n == null ? 0 : n.sum();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** In key order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, n) -> out.put(k, n.sum()));
        return out;
    }

    public void reset() {
        counts.clear();
    }
}
