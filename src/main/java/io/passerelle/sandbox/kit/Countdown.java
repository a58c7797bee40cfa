package io.passerelle.sandbox.kit;

import java.util.concurrent.atomic.AtomicInteger;

/** A fault armed for the next n occasions: each {@link #take()} that finds one left consumes it. Thread-safe. */
public final class Countdown {

    private final AtomicInteger remaining = new AtomicInteger();

    /** Exactly {@code n} left, whatever was left before. */
    public void set(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        remaining.set(n);
    }

    /** One more. */
    public void add() {
        remaining.incrementAndGet();
    }

    /** True, and one fewer left, when one was left. */
    public boolean take() {
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    public void reset() {
        remaining.set(0);
    }
}
