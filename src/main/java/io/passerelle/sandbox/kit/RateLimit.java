package io.passerelle.sandbox.kit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An ERP's per-user quota as it counts it: at most {@code limit} calls in any sliding minute per key (a client, a
 * token); a call above it is refused and says when the oldest counted call leaves the minute. Refused calls do not
 * count, and each refusal is kept with its instant, so that a test or a benchmark can ask how many came when.
 * 0 turns it off. Thread-safe.
 */
public final class RateLimit {

    public static final Duration MINUTE = Duration.ofSeconds(60);

    private final Clock clock;
    private volatile int limit;
    private volatile Duration window = MINUTE;
    private final Map<String, Deque<Instant>> served = new ConcurrentHashMap<>();
    private final List<Instant> refusals = new ArrayList<>();

    public RateLimit(Clock clock, int limit) {
        this.clock = clock;
        set(limit);
    }

    public void set(int perMinute) {
        set(perMinute, MINUTE);
    }

    /** {@code calls} per {@code span}: a test's short "minute", so that it need not wait a real one. */
    public void set(int calls, Duration span) {
        if (calls < 0 || span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("a rate limit must not be negative, its window must be positive");
        }
        limit = calls;
        window = span;
    }

    public int limit() {
        return limit;
    }

    /** Counts a call of {@code key}; empty when it is served, else how long until it would be. */
    public Optional<Duration> refuse(String key) {
        int max = limit;
        if (max == 0) {
            return Optional.empty();
        }
        Duration span = window;
        Instant now = clock.instant();
        Deque<Instant> calls = served.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (calls) {
            while (!calls.isEmpty() && !calls.peekFirst().plus(span).isAfter(now)) {
                calls.pollFirst();
            }
            if (calls.size() < max) {
                calls.addLast(now);
                return Optional.empty();
            }
            Duration wait = Duration.between(now, calls.peekFirst().plus(span));
            synchronized (refusals) {
                refusals.add(now);
            }
            return Optional.of(wait);
        }
    }

    /** When each refusal came, oldest first. */
    public List<Instant> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    /** Forgets counted calls and refusals. */
    public void reset() {
        served.clear();
        synchronized (refusals) {
            refusals.clear();
        }
    }
}
