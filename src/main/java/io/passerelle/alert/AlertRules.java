package io.passerelle.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a flow's alert is due: one per transition, never one per run. A flow failing ten times raises one FAILED; its
 * first success after it one RECOVERED. No I/O: the state comes and goes in {@link FlowAlertState}.
 * <ul>
 * <li>FAILED: a run ends FAILED while no FAILED stands (after a PARTIAL or STALE alert too: it got worse).</li>
 * <li>PARTIAL: the {@code partialAfter}-th PARTIAL run in a row, while no PARTIAL or FAILED stands (a failing flow
 * that gets to PARTIAL is no news until it succeeds).</li>
 * <li>STALE: no success for longer than the schedule allows ({@link #staleAfter}), while no alert stands.</li>
 * <li>RECOVERED: a run ends SUCCEEDED while an alert stands.</li>
 * </ul>
 * Runs of other statuses (INTERRUPTED, RUNNING) change nothing.
 */
final class AlertRules {

    private AlertRules() {
    }

    /** What is remembered after the run, and the alert it raises if any. */
    record Outcome(FlowAlertState state, Optional<AlertEvent> alert) {
    }

    static Outcome ran(FlowAlertState current, String status, Instant at, int partialAfter) {
        FlowAlertState state = current == null ? FlowAlertState.first(at) : current;
        return switch (status) {
            case "SUCCEEDED" -> new Outcome(new FlowAlertState(null, null, 0, at, state.firstSeenAt()),
                    state.alerted() == null ? Optional.empty() : Optional.of(AlertEvent.RECOVERED));
            case "FAILED" -> state.alerted() == AlertEvent.FAILED
                    ? new Outcome(withStreak(state, 0), Optional.empty())
                    : new Outcome(new FlowAlertState(AlertEvent.FAILED, at, 0, state.lastSuccessAt(),
                            state.firstSeenAt()), Optional.of(AlertEvent.FAILED));
            case "PARTIAL" -> {
                int streak = state.partialStreak() + 1;
                boolean standing = state.alerted() == AlertEvent.PARTIAL || state.alerted() == AlertEvent.FAILED;
                yield streak >= Math.max(1, partialAfter) && !standing
                        ? new Outcome(new FlowAlertState(AlertEvent.PARTIAL, at, streak, state.lastSuccessAt(),
                                state.firstSeenAt()), Optional.of(AlertEvent.PARTIAL))
                        : new Outcome(withStreak(state, streak), Optional.empty());
            }
            default -> new Outcome(state, Optional.empty());
        };
    }

    /** The periodic check: a flow with no alert standing that has not succeeded for longer than {@code staleAfter}. */
    static Outcome checked(FlowAlertState state, Duration staleAfter, Instant now) {
        if (state.alerted() == null && state.notSucceededSince().plus(staleAfter).isBefore(now)) {
            return new Outcome(new FlowAlertState(AlertEvent.STALE, now, state.partialStreak(), state.lastSuccessAt(),
                    state.firstSeenAt()), Optional.of(AlertEvent.STALE));
        }
        return new Outcome(state, Optional.empty());
    }

    /**
     * How long a flow may go without success: {@code factor} times the time between its schedule's fires, plus
     * {@code grace} (the run's own duration, a fire skipped while a run was going).
     */
    static Duration staleAfter(Duration interval, double factor, Duration grace) {
        return Duration.ofMillis((long) (interval.toMillis() * factor)).plus(grace);
    }

    private static FlowAlertState withStreak(FlowAlertState state, int streak) {
        return new FlowAlertState(state.alerted(), state.alertedSince(), streak, state.lastSuccessAt(),
                state.firstSeenAt());
    }
}
