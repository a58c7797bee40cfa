package io.passerelle.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval     how often the outbox is read for alerts due and the flows checked for staleness
 * @param firstBackoff     the wait after a first failed delivery; doubled after each next one
 * @param maxBackoff       the longest wait between two attempts
 * @param maxAttempts      attempts before a delivery is given up (recorded with its last error)
 * @param requestTimeout   how long one POST to a webhook may take
 * @param partialAfter     PARTIAL runs in a row that raise a PARTIAL alert, when a subscription names none
 * @param staleFactor      a flow is stale once it has not succeeded for this many of its schedule's intervals ...
 * @param staleGrace       ... plus this
 * @param batchSize        deliveries taken per poll
 */
@ConfigurationProperties("passerelle.alerts")
public record AlertProperties(Duration pollInterval, Duration firstBackoff, Duration maxBackoff, Integer maxAttempts,
        Duration requestTimeout, Integer partialAfter, Double staleFactor, Duration staleGrace, Integer batchSize) {

    public AlertProperties {
        pollInterval = positive(pollInterval, Duration.ofSeconds(5), "poll-interval");
        firstBackoff = positive(firstBackoff, Duration.ofSeconds(10), "first-backoff");
        maxBackoff = positive(maxBackoff, Duration.ofHours(1), "max-backoff");
        requestTimeout = positive(requestTimeout, Duration.ofSeconds(10), "request-timeout");
        staleGrace = staleGrace == null ? Duration.ofMinutes(5) : staleGrace;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        partialAfter = partialAfter == null ? 3 : partialAfter;
        staleFactor = staleFactor == null ? 2.0 : staleFactor;
        batchSize = batchSize == null ? 50 : batchSize;
        if (maxAttempts < 1 || partialAfter < 1 || batchSize < 1 || staleFactor < 1 || staleGrace.isNegative()) {
            throw new IllegalArgumentException("passerelle.alerts: max-attempts, partial-after and batch-size must be"
                    + " at least 1, stale-factor at least 1 and stale-grace not negative");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: first-backoff, doubled each time, at most max-backoff. */
    Duration backoff(int attempts) {
        Duration wait = firstBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static Duration positive(Duration value, Duration otherwise, String name) {
        if (value == null) {
            return otherwise;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("passerelle.alerts." + name + " must be positive, was " + value);
        }
        return value;
    }
}
