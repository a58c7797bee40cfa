package io.passerelle.erp.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.passerelle.connection.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The pacing decision on a clock the test moves: bursts up to the limit, then never more than it in any window. */
class RequestBudgetTest {

    private static final Duration WINDOW = Duration.ofSeconds(61);

    private Instant now = Instant.parse("2026-03-02T10:00:00Z");
    private final InstantSource clock = () -> now;
    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy.Waiter waiter = wait -> {
        waits.add(wait);
        return CompletableFuture.completedFuture(null);
    };

    @Test
    void aBurstUpToTheLimitGoesAtOnceTheNextWaitsForTheOldestToLeaveTheWindow() {
        RequestBudget budget = new RequestBudget(3, WINDOW, clock, waiter, wait -> { });
        assertThat(budget.reserve()).isZero();
        now = now.plusSeconds(10);
        assertThat(budget.reserve()).isZero();
        assertThat(budget.reserve()).isZero();
        assertThat(budget.reserve()).as("the first left at 0 s").isEqualTo(Duration.ofSeconds(51));
        assertThat(budget.reserve()).as("the second and third at 10 s").isEqualTo(Duration.ofSeconds(61));
        assertThat(budget.reserve()).isEqualTo(Duration.ofSeconds(61));
        assertThat(budget.reserve()).as("then the fourth's slot, 61 s after it").isEqualTo(Duration.ofSeconds(112));
    }

    @Test
    void noWindowEverHoldsMoreThanTheLimitHoweverTheCallsCome() {
        int limit = 40;
        RequestBudget budget = new RequestBudget(limit, WINDOW, clock, waiter, wait -> { });
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            now = now.plusMillis((i * 7919L) % 900);
            sent.add(now.plus(budget.reserve()));
        }
        for (int i = limit; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - limit), sent.get(i))).as("call " + i).isGreaterThanOrEqualTo(WINDOW);
        }
        Duration span = Duration.between(sent.get(0), sent.get(sent.size() - 1));
        assertThat(1000.0 * 60 / span.toSeconds()).as("calls a minute, near the limit").isGreaterThan(limit * 0.95);
    }

    @Test
    void aCallWithinTheBudgetDoesNotWaitOneAboveItWaitsWithoutAThreadAndIsTimed() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RequestBudgets budgets = new RequestBudgets(registry, WINDOW, clock, waiter);
        RequestBudget budget = budgets.of("abacus", connection(Map.of()), 2);
        assertThat(budget.admit()).isCompleted();
        assertThat(budget.admit()).isCompleted();
        assertThat(waits).isEmpty();
        budget.admit();
        assertThat(waits).containsExactly(WINDOW);
        assertThat(registry.get(RequestBudgets.WAIT_METRIC).tag("erp", "abacus").tag("connection", "c1").timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(61.0);
    }

    @Test
    void theConnectionsOptionOverridesTheErpDefaultAndZeroIsNoLimit() {
        RequestBudgets budgets = new RequestBudgets(new SimpleMeterRegistry(), WINDOW, clock, waiter);
        assertThat(budgets.of("abacus", connection(Map.of()), 400).limit()).isEqualTo(400);
        assertThat(budgets.of("abacus", connection(Map.of(RequestBudgets.OPTION, 200)), 400).limit()).isEqualTo(200);
        assertThat(budgets.of("abacus", connection(Map.of(RequestBudgets.OPTION, " 120 ")), 400).limit()).isEqualTo(120);
        RequestBudget none = budgets.of("abacus", connection(Map.of(RequestBudgets.OPTION, "0")), 400);
        for (int i = 0; i < 1000; i++) {
            assertThat(none.admit()).isCompleted();
        }
        assertThat(waits).isEmpty();
        assertThat(RequestBudgets.option("abacus", 400).matches("0")).isTrue();
        assertThat(RequestBudgets.option("abacus", 400).matches("many")).isFalse();
    }

    @Test
    void theSameConnectionKeepsItsBudgetAndItsHistoryWhileItsLimitStays() {
        RequestBudgets budgets = new RequestBudgets(new SimpleMeterRegistry(), WINDOW, clock, waiter);
        RequestBudget first = budgets.of("abacus", connection(Map.of()), 1);
        first.admit();
        assertThat(budgets.of("abacus", connection(Map.of()), 1)).isSameAs(first);
        budgets.of("abacus", connection(Map.of()), 1).admit();
        assertThat(waits).containsExactly(WINDOW);
    }

    private static Connection connection(Map<String, Object> options) {
        return new Connection("c1", null, "abacus", List.of(), Map.of(), Map.of(), options, null, false, null, null);
    }
}
