package io.passerelle.alert;

import java.time.Instant;

/**
 * What is remembered of one connection × company × flow to decide its alerts: the alert now standing (null when none,
 * or since it recovered), how many runs in a row ended PARTIAL, and its last success.
 *
 * @param alerted       FAILED, PARTIAL or STALE while that alert stands; null otherwise
 * @param alertedSince  when the standing alert was raised (the body's {@code since} of the RECOVERED that ends it)
 * @param lastSuccessAt the last SUCCEEDED run's end; null before any
 * @param firstSeenAt   when the flow's first run ended: what a flow that never succeeded is stale from
 */
record FlowAlertState(AlertEvent alerted, Instant alertedSince, int partialStreak, Instant lastSuccessAt,
        Instant firstSeenAt) {

    static FlowAlertState first(Instant at) {
        return new FlowAlertState(null, null, 0, null, at);
    }

    /** Since when the flow has not succeeded. */
    Instant notSucceededSince() {
        return lastSuccessAt != null ? lastSuccessAt : firstSeenAt;
    }
}
