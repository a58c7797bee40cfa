package io.passerelle.sandbox.kit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Misbehaviour on demand, so that a client's handling of an ERP's bad days can be tested: 429 with
 * Retry-After, a 5xx, a cut connection (before handling, or after a write is stored), a slow answer, a
 * token that expires after N calls. One-shot faults ({@code ...Next}) are consumed by the request they hit.
 * Thread-safe; setters return {@code this}. An ERP's faults extend this with its own.
 *
 * <p>The router applies {@link #cutNext()} and {@link #serverErrorNext} before a request is handled, and the
 * server applies the delays; the others are consumed by the ERP's handlers ({@code take...}), which know
 * which calls a fault may hit (a tenant spares its logout from 429s) and what "stored" means.
 */
public class Faults {

    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final Countdown tooManyRequests = new Countdown();
    private volatile int tooManyRequestsEvery;
    private final AtomicLong throttledCalls = new AtomicLong();
    private volatile Duration retryAfter = DEFAULT_RETRY_AFTER;
    private final Countdown serverErrors = new Countdown();
    private volatile int serverErrorStatus = 503;
    private final Countdown cuts = new Countdown();
    private final Countdown cutsAfterWrite = new Countdown();
    private final Countdown gatewayTimeoutsAfterWrite = new Countdown();
    private final AtomicReference<Duration> delayNext = new AtomicReference<>();
    private volatile Duration delayAll = Duration.ZERO;
    /** Calls the token in use still serves; negative: the fault is off. */
    private final AtomicInteger tokenCallsLeft = new AtomicInteger(-1);

    /** The next {@code n} calls that may be throttled answer 429 with {@code Retry-After: 1}. */
    public Faults tooManyRequestsNext(int n) {
        return tooManyRequestsNext(n, DEFAULT_RETRY_AFTER);
    }

    public Faults tooManyRequestsNext(int n, Duration retryAfter) {
        checkRetryAfter(n, retryAfter);
        this.retryAfter = retryAfter;
        tooManyRequests.set(n);
        return this;
    }

    /** Every {@code n}-th call that may be throttled answers 429, as a per-minute quota does; 0 turns it off. */
    public Faults tooManyRequestsEvery(int n, Duration retryAfter) {
        checkRetryAfter(n, retryAfter);
        this.retryAfter = retryAfter;
        throttledCalls.set(0);
        tooManyRequestsEvery = n;
        return this;
    }

    /** The next {@code n} requests, whatever they are, are answered {@code status} (5xx) without being handled. */
    public Faults serverErrorNext(int n, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("status must be 5xx");
        }
        serverErrorStatus = status;
        serverErrors.set(n);
        return this;
    }

    /**
     * The next request is not handled: its connection is closed without any answer (a network cut). An HTTP
     * client may resend an idempotent request on its own (the JDK's resends a GET once).
     */
    public Faults cutNext() {
        cuts.add();
        return this;
    }

    /** The next write is stored, then the connection is closed without any answer: the client cannot tell. */
    public Faults cutAfterWriteNext() {
        cutsAfterWrite.add();
        return this;
    }

    /**
     * The next write is stored, then answered {@code 504 Gateway Time-out} as the load balancer in front of a
     * cloud ERP does when the application answers too late: the client cannot tell it was saved.
     */
    public Faults gatewayTimeoutAfterWriteNext() {
        gatewayTimeoutsAfterWrite.add();
        return this;
    }

    /** The next request is handled at once but answered only after {@code delay}, as a slow server would. */
    public Faults delayNext(Duration delay) {
        delayNext.set(checkDelay(delay));
        return this;
    }

    /** Every answer waits this long (request timeouts); ZERO turns it off. */
    public Faults delayAll(Duration delay) {
        delayAll = checkDelay(delay);
        return this;
    }

    /** The token (or session) in use serves {@code calls} more calls, then expires: the next call is refused. */
    public Faults expireTokenAfter(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative");
        }
        tokenCallsLeft.set(calls);
        return this;
    }

    /** Back to a well-behaved server. */
    public Faults reset() {
        tooManyRequests.reset();
        tooManyRequestsEvery = 0;
        throttledCalls.set(0);
        retryAfter = DEFAULT_RETRY_AFTER;
        serverErrors.reset();
        serverErrorStatus = 503;
        cuts.reset();
        cutsAfterWrite.reset();
        gatewayTimeoutsAfterWrite.reset();
        delayNext.set(null);
        delayAll = Duration.ZERO;
        tokenCallsLeft.set(-1);
        return this;
    }

    // ---- consumed by the simulator ---------------------------------------------------------------------

    /** The Retry-After to answer with when this call must be answered 429, else null. */
    public Duration takeTooManyRequests() {
        if (tooManyRequests.take()) {
            return retryAfter;
        }
        int every = tooManyRequestsEvery;
        return every > 0 && throttledCalls.incrementAndGet() % every == 0 ? retryAfter : null;
    }

    public boolean takeCutAfterWrite() {
        return cutsAfterWrite.take();
    }

    public boolean takeGatewayTimeoutAfterWrite() {
        return gatewayTimeoutsAfterWrite.take();
    }

    /** True when the token (or session) of this authenticated call has just expired. */
    public boolean takeTokenExpiry() {
        while (true) {
            int left = tokenCallsLeft.get();
            if (left < 0) {
                return false;
            }
            if (tokenCallsLeft.compareAndSet(left, left - 1)) {
                return left == 0;
            }
        }
    }

    /** How long this answer waits: a pending {@link #delayNext}, else {@link #delayAll}. */
    public Duration takeDelay() {
        Duration next = delayNext.getAndSet(null);
        return next != null ? next : delayAll;
    }

    /** A cut or an injected 5xx for this request, else null. */
    Answer takeBeforeHandling(Request request, ErrorWriter errors) {
        if (cuts.take()) {
            return Answer.cutConnection();
        }
        if (serverErrors.take()) {
            return errors.serverError(request, serverErrorStatus);
        }
        return null;
    }

    private static void checkRetryAfter(int n, Duration retryAfter) {
        if (n < 0 || retryAfter.isNegative()) {
            throw new IllegalArgumentException("n and retryAfter must not be negative");
        }
    }

    private static Duration checkDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return delay;
    }

    /** Seconds for a {@code Retry-After} header: whole seconds, rounded up, at least 1. */
    public static String retryAfterSeconds(Duration retryAfter) {
        return String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }
}
