package io.passerelle.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private FlowAlertState state;
    private Instant at = T0;

    /** The alerts a series of runs raise, one a minute apart. */
    private List<AlertEvent> runs(String... statuses) {
        List<AlertEvent> alerts = new ArrayList<>();
        for (String status : statuses) {
            at = at.plusSeconds(60);
            AlertRules.Outcome outcome = AlertRules.ran(state, status, at, 3);
            state = outcome.state();
            outcome.alert().ifPresent(alerts::add);
        }
        return alerts;
    }

    @Test
    void aFailureIsOneAlertHoweverManyRunsFail() {
        assertThat(runs("SUCCEEDED", "FAILED")).containsExactly(AlertEvent.FAILED);
        assertThat(runs("FAILED", "FAILED", "FAILED")).isEmpty();
        assertThat(state.alerted()).isEqualTo(AlertEvent.FAILED);
    }

    @Test
    void theFirstSuccessAfterAFailureIsOneRecoveredThenNothing() {
        runs("FAILED");
        Instant raised = state.alertedSince();
        assertThat(runs("SUCCEEDED")).containsExactly(AlertEvent.RECOVERED);
        assertThat(state.alerted()).isNull();
        assertThat(state.lastSuccessAt()).isEqualTo(at);
        assertThat(raised).isBefore(at);
        assertThat(runs("SUCCEEDED", "SUCCEEDED")).isEmpty();
    }

    @Test
    void successesAloneRaiseNothing() {
        assertThat(runs("SUCCEEDED", "SUCCEEDED", "SUCCEEDED")).isEmpty();
    }

    @Test
    void threePartialRunsInARowAreOnePartialAlert() {
        assertThat(runs("PARTIAL", "PARTIAL")).isEmpty();
        assertThat(runs("PARTIAL")).containsExactly(AlertEvent.PARTIAL);
        assertThat(runs("PARTIAL", "PARTIAL", "PARTIAL", "PARTIAL")).isEmpty();
        assertThat(runs("SUCCEEDED")).containsExactly(AlertEvent.RECOVERED);
    }

    @Test
    void aSuccessOrAFailureBetweenPartialRunsStartsTheirCountAgain() {
        assertThat(runs("PARTIAL", "PARTIAL", "SUCCEEDED", "PARTIAL", "PARTIAL")).isEmpty();
        assertThat(runs("FAILED")).containsExactly(AlertEvent.FAILED);
        // partial after failing is better, not recovered: no news until a success
        assertThat(runs("PARTIAL", "PARTIAL", "PARTIAL")).isEmpty();
        assertThat(runs("SUCCEEDED")).containsExactly(AlertEvent.RECOVERED);
    }

    @Test
    void aFailureAfterAPartialAlertIsNewsAndOneRecoveryEndsBoth() {
        assertThat(runs("PARTIAL", "PARTIAL", "PARTIAL", "FAILED")).containsExactly(AlertEvent.PARTIAL,
                AlertEvent.FAILED);
        assertThat(runs("SUCCEEDED")).containsExactly(AlertEvent.RECOVERED);
    }

    @Test
    void partialAfterOneAlertsAtTheFirstPartialRun() {
        AlertRules.Outcome outcome = AlertRules.ran(null, "PARTIAL", T0, 1);
        assertThat(outcome.alert()).contains(AlertEvent.PARTIAL);
    }

    @Test
    void runsOfOtherStatusesChangeNothing() {
        runs("FAILED");
        FlowAlertState before = state;
        assertThat(runs("INTERRUPTED", "RUNNING")).isEmpty();
        assertThat(state).isEqualTo(before);
    }

    @Test
    void aFlowThatHasNotSucceededForLongerThanAllowedIsStaleOnceAndItsSuccessRecovers() {
        runs("SUCCEEDED");
        Instant success = at;
        Duration allowed = Duration.ofMinutes(30);
        assertThat(AlertRules.checked(state, allowed, success.plus(Duration.ofMinutes(29))).alert()).isEmpty();
        AlertRules.Outcome stale = AlertRules.checked(state, allowed, success.plus(Duration.ofMinutes(31)));
        assertThat(stale.alert()).contains(AlertEvent.STALE);
        state = stale.state();
        assertThat(AlertRules.checked(state, allowed, success.plus(Duration.ofHours(5))).alert())
                .as("one STALE, not one per check").isEmpty();
        assertThat(runs("SUCCEEDED")).containsExactly(AlertEvent.RECOVERED);
    }

    @Test
    void aFailingFlowIsNotAlsoStale() {
        runs("FAILED");
        assertThat(AlertRules.checked(state, Duration.ofMinutes(1), at.plus(Duration.ofDays(1))).alert()).isEmpty();
    }

    @Test
    void aFlowThatNeverSucceededIsStaleFromItsFirstRun() {
        runs("INTERRUPTED");
        assertThat(AlertRules.checked(state, Duration.ofMinutes(10), T0.plus(Duration.ofMinutes(12))).alert())
                .isEqualTo(Optional.of(AlertEvent.STALE));
    }

    @Test
    void staleAfterIsTheFactorOfTheIntervalPlusTheGrace() {
        assertThat(AlertRules.staleAfter(Duration.ofMinutes(15), 2.0, Duration.ofMinutes(5)))
                .isEqualTo(Duration.ofMinutes(35));
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        AlertProperties properties = new AlertProperties(null, Duration.ofSeconds(10), Duration.ofSeconds(60), null,
                null, null, null, null, null);
        assertThat(List.of(1, 2, 3, 4, 5, 30).stream().map(properties::backoff)).containsExactly(
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(60));
    }
}
