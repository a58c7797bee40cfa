package io.passerelle.sandbox.acumatica;

import java.time.Duration;

/**
 * The kit's faults ({@link io.passerelle.sandbox.kit.Faults}: 429s, 5xx, cuts, delays, expiring tokens) and
 * Acumatica's own: the licensed number of concurrent API sessions and the status of the "API Login Limit"
 * answer. 429s hit the entity endpoint only: login, logout and the token endpoint are spared, so that a client
 * can always end its session. Thread-safe; setters return {@code this}.
 */
public final class Faults extends io.passerelle.sandbox.kit.Faults {

    private volatile Integer loginLimit;
    private volatile Integer loginLimitStatus;

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

    /** The next PUT is stored, then answered {@code 504 Gateway Time-out}: see {@link #gatewayTimeoutAfterWriteNext()}. */
    public Faults dropAfterWriteNext() {
        gatewayTimeoutAfterWriteNext();
        return this;
    }

    @Override
    public Faults tooManyRequestsNext(int n) {
        super.tooManyRequestsNext(n);
        return this;
    }

    @Override
    public Faults tooManyRequestsNext(int n, Duration retryAfter) {
        super.tooManyRequestsNext(n, retryAfter);
        return this;
    }

    @Override
    public Faults reset() {
        super.reset();
        loginLimit = null;
        loginLimitStatus = null;
        return this;
    }

    int effectiveLoginLimit(int configured) {
        Integer l = loginLimit;
        return l == null ? configured : l;
    }

    int effectiveLoginLimitStatus(int configured) {
        Integer s = loginLimitStatus;
        return s == null ? configured : s;
    }
}
