package io.passerelle.sandbox.avantage;

import java.util.function.LongSupplier;

/**
 * Hands out modifiedAt stamps that never go backwards, even when the wall clock does or when seeded data
 * lies in the future: a change must sort after everything a client has already paged through.
 */
final class ModificationClock {

    private final LongSupplier wallClock;
    private long last;

    ModificationClock(LongSupplier wallClock) {
        this.wallClock = wallClock;
    }

    synchronized long next() {
        last = Math.max(wallClock.getAsLong(), last + 1);
        return last;
    }

    synchronized void observe(long epochMillis) {
        last = Math.max(last, epochMillis);
    }

    synchronized long last() {
        return last;
    }

    synchronized void resetTo(long epochMillis) {
        last = epochMillis;
    }
}
