package io.passerelle.sandbox.kit;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Hands out modification stamps (epoch milliseconds) that never go backwards, even when the wall clock does
 * or when seeded data lies in the future: a change must sort after everything a client has already paged
 * through with its "modified since" watermark.
 */
public final class ModificationClock {

    private final LongSupplier wallClock;
    private long last;

    public ModificationClock(LongSupplier wallClock) {
        this.wallClock = wallClock;
    }

    public ModificationClock(Clock clock) {
        this(clock::millis);
    }

    /** The wall clock's millisecond, or one after the last stamp when that is not later. */
    public synchronized long next() {
        last = Math.max(wallClock.getAsLong(), last + 1);
        return last;
    }

    public Instant nextInstant() {
        return Instant.ofEpochMilli(next());
    }

    /** A stamp given elsewhere (seeded data): later stamps come after it. */
    public synchronized void observe(long epochMillis) {
        last = Math.max(last, epochMillis);
    }

    public synchronized long last() {
        return last;
    }
}
