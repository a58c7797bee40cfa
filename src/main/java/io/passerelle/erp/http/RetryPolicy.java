package io.passerelle.erp.http;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * When a busy ERP is asked again, and when it is no longer: {@code 429 Too Many Requests} and
 * {@code 503 Service Unavailable} (and what an ERP adds, e.g. Acumatica's "API Login Limit") are waited out
 * as their {@code Retry-After} asks, or 1 s, 2 s, 3 s … when it does not, at most {@code maxAttempts} answers
 * and {@code maxWait} of waiting in all per call. A wait is a delayed continuation, not a sleeping thread.
 */
public final class RetryPolicy {

    /** Added to every wait: arriving a hair before the ERP's window opens would earn another 429. */
    static final Duration MARGIN = Duration.ofMillis(50);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

    /** Completes after a duration; the kit's waits go through it, so that tests need not wait. */
    @FunctionalInterface
    public interface Waiter {
        CompletableFuture<Void> after(Duration wait);
    }

    static final Waiter DELAYED = wait -> CompletableFuture.runAsync(() -> { },
            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));

    private final int maxAttempts;
    private final Duration maxWait;
    private final Predicate<HttpAnswer> alsoBusy;
    private final InstantSource clock;
    private final Waiter waiter;

    RetryPolicy(int maxAttempts, Duration maxWait, Predicate<HttpAnswer> alsoBusy, InstantSource clock, Waiter waiter) {
        if (maxAttempts < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 and maxWait not negative");
        }
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait;
        this.alsoBusy = alsoBusy;
        this.clock = clock;
        this.waiter = waiter;
    }

    public static RetryPolicy of(int maxAttempts, Duration maxWait) {
        return new RetryPolicy(maxAttempts, maxWait, answer -> false, InstantSource.system(), DELAYED);
    }

    /** Also waits out failed answers that {@code busy} recognises. */
    public RetryPolicy alsoWaitingOn(Predicate<HttpAnswer> busy) {
        return new RetryPolicy(maxAttempts, maxWait, alsoBusy.or(busy), clock, waiter);
    }

    /** The same policy on another clock and waiter (tests). */
    RetryPolicy with(InstantSource otherClock, Waiter otherWaiter) {
        return new RetryPolicy(maxAttempts, maxWait, alsoBusy, otherClock, otherWaiter);
    }

    boolean busy(HttpAnswer answer) {
        return answer.status() == 429 || answer.status() == 503 || !answer.ok() && alsoBusy.test(answer);
    }

    CompletableFuture<Void> after(Duration wait) {
        return waiter.after(wait);
    }

    /** The patience of one call, from its first attempt. */
    Patience patience() {
        return new Patience();
    }

    /** Counts a call's busy answers and its waiting. Each call has its own; one call's attempts are sequential. */
    final class Patience {
        private int answers;
        private Duration waited = Duration.ZERO;
        private String gaveUp;

        /** After a busy answer: how long to wait before asking again, or empty when the bounds say stop. */
        Optional<Duration> next(HttpAnswer busy) {
            answers++;
            Duration asked = RetryAfter.parse(busy.header("Retry-After"), clock).orElse(FIRST_WAIT.multipliedBy(answers));
            Duration wait = asked.plus(MARGIN);
            if (answers >= maxAttempts) {
                gaveUp = times(answers) + "; gave up after waiting " + seconds(waited) + " in all";
                return Optional.empty();
            }
            if (waited.plus(wait).compareTo(maxWait) > 0) {
                gaveUp = times(answers) + " and asked to wait " + seconds(asked) + " more; gave up after waiting "
                        + seconds(waited) + " in all (at most " + seconds(maxWait) + ")";
                return Optional.empty();
            }
            waited = waited.plus(wait);
            return Optional.of(wait);
        }

        /** Why {@link #next} said stop, e.g. {@code 5 times; gave up after waiting 10 s in all}. */
        String gaveUp() {
            return gaveUp;
        }

        private static String times(int n) {
            return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
        }

        private static String seconds(Duration duration) {
            return Math.round(duration.toMillis() / 1000.0) + " s";
        }
    }
}
