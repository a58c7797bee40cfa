package io.passerelle.erp.http;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A connection's share of what its ERP serves: at most {@code limit} calls in any window (a minute and a margin,
 * {@link RequestBudgetProperties#window()}), bursts allowed. The ERP may count in a sliding minute, so a call is let go no earlier than one window after
 * the call {@code limit} places before it: no minute ever holds more than the limit, and the run slows down before
 * the ERP says 429. A slot is reserved when the call asks, so concurrent calls (all flows and exports of the
 * connection share one budget) queue in order; the wait is a delayed continuation ({@link RetryPolicy.Waiter}), not
 * a sleeping thread.
 *
 * <p>Camel's Throttle EIP (total-requests mode) keeps the same sliding window, but after its asynchronous delay a
 * call that loses the freed permit to another blocks a thread in {@code DelayQueue.take()}, and the rest of the
 * route (the blocking HTTP call) runs on the throttler's scheduler; it also has no clock a test could drive.
 */
public final class RequestBudget {

    private static final RequestBudget UNLIMITED = new RequestBudget(0, Duration.ofSeconds(61), InstantSource.system(),
            RetryPolicy.DELAYED, waited -> { });

    private final int limit;
    private final Duration window;
    private final InstantSource clock;
    private final RetryPolicy.Waiter waiter;
    private final Consumer<Duration> waited;
    /** The slots of the last {@code limit} calls, a ring; {@code next} is the oldest once the ring is full. */
    private final Instant[] slots;
    private int next;
    private int reserved;
    private Instant last = Instant.MIN;

    /**
     * @param limit  calls per window; 0 (or less) lets every call go at once
     * @param waited told how long each call that had to wait waited (a metric)
     */
    RequestBudget(int limit, Duration window, InstantSource clock, RetryPolicy.Waiter waiter, Consumer<Duration> waited) {
        this.limit = Math.max(0, limit);
        this.window = window;
        this.clock = clock;
        this.waiter = waiter;
        this.waited = waited;
        this.slots = new Instant[this.limit];
    }

    /** No limit: for transports of hosts that are not the ERP's API (a token host) and for tests. */
    public static RequestBudget unlimited() {
        return UNLIMITED;
    }

    public int limit() {
        return limit;
    }

    /** Completes when the call may go; at once while the last minute holds fewer than the limit. */
    public CompletableFuture<Void> admit() {
        if (limit == 0) {
            return CompletableFuture.completedFuture(null);
        }
        Duration wait = reserve();
        if (wait.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        waited.accept(wait);
        return waiter.after(wait);
    }

    /** Takes the next slot and says how long from now until it. */
    synchronized Duration reserve() {
        Instant now = clock.instant();
        Instant slot = now;
        if (reserved == limit) {
            Instant freed = slots[next].plus(window);
            slot = freed.isAfter(slot) ? freed : slot;
        } else {
            reserved++;
        }
        // never before an earlier call's slot, whatever the clock did
        slot = last.isAfter(slot) ? last : slot;
        slots[next] = slot;
        next = (next + 1) % limit;
        last = slot;
        return Duration.between(now, slot);
    }
}
