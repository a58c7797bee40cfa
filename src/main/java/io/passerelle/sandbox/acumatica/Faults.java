package io.passerelle.sandbox.acumatica;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Misbehaviour on demand, so that a client's handling of a real tenant's bad days can be tested. One-shot
 * faults ({@code ...Next}) are consumed by the request they hit. Thread-safe; setters return {@code this}.
 */
public final class Faults {

    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final AtomicInteger tooManyRequestsRemaining = new AtomicInteger();
    private volatile Duration retryAfter = DEFAULT_RETRY_AFTER;
    private volatile Integer loginLimit;
    private volatile Integer loginLimitStatus;
    private final AtomicReference<Duration> delayNext = new AtomicReference<>();
    private final AtomicInteger gatewayTimeoutsAfterWrite = new AtomicInteger();
    private final AtomicInteger cutsAfterWrite = new AtomicInteger();

    /**
     * The next {@code n} calls to the entity endpoint answer 429 with {@code Retry-After: 1}. Login, logout
     * and the token endpoint are spared, so that a client can always end its session.
     */
    public Faults tooManyRequestsNext(int n) {
        return tooManyRequestsNext(n, DEFAULT_RETRY_AFTER);
    }

    public Faults tooManyRequestsNext(int n, Duration retryAfter) {
        if (n < 0 || retryAfter.isNegative()) {
            throw new IllegalArgumentException("n and retryAfter must not be negative");
        }
        this.retryAfter = retryAfter;
        tooManyRequestsRemaining.set(n);
        return this;
    }

    /** Overrides the licensed number of concurrent API sessions; existing sessions are kept. */
    public Faults loginLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        loginLimit = limit;
        return this;
    }

    /** Status of the "API Login Limit" answer: 500 (default) or 429. */
    public Faults loginLimitStatus(int status) {
        if (status != 500 && status != 429) {
            throw new IllegalArgumentException("status must be 500 or 429");
        }
        loginLimitStatus = status;
        return this;
    }

    /** The next request is handled at once but answered only after {@code delay}, as a slow tenant would. */
    public Faults delayNext(Duration delay) {
        delayNext.set(Objects.requireNonNull(delay, "delay"));
        return this;
    }

    /**
     * The next PUT is stored, then answered {@code 504 Gateway Time-out} as the load balancer in front of
     * a cloud tenant does when the application answers too late: the client cannot tell it was saved.
     */
    public Faults dropAfterWriteNext() {
        gatewayTimeoutsAfterWrite.incrementAndGet();
        return this;
    }

    /** The next PUT is stored, then the connection is closed without any answer (a network cut). */
    public Faults cutAfterWriteNext() {
        cutsAfterWrite.incrementAndGet();
        return this;
    }

    public void reset() {
        tooManyRequestsRemaining.set(0);
        retryAfter = DEFAULT_RETRY_AFTER;
        loginLimit = null;
        loginLimitStatus = null;
        delayNext.set(null);
        gatewayTimeoutsAfterWrite.set(0);
        cutsAfterWrite.set(0);
    }

    // ---- consumed by the server ----------------------------------------------------------------------

    boolean takeTooManyRequests() {
        return takeOne(tooManyRequestsRemaining);
    }

    Duration retryAfter() {
        return retryAfter;
    }

    int effectiveLoginLimit(int configured) {
        Integer l = loginLimit;
        return l == null ? configured : l;
    }

    int effectiveLoginLimitStatus(int configured) {
        Integer s = loginLimitStatus;
        return s == null ? configured : s;
    }

    Duration takeDelay() {
        return delayNext.getAndSet(null);
    }

    boolean takeGatewayTimeoutAfterWrite() {
        return takeOne(gatewayTimeoutsAfterWrite);
    }

    boolean takeCutAfterWrite() {
        return takeOne(cutsAfterWrite);
    }

    private static boolean takeOne(AtomicInteger remaining) {
        while (true) {
            int n = remaining.get();
            if (n <= 0) {
                return false;
            }
            if (remaining.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }
}
