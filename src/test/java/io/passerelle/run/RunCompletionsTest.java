package io.passerelle.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Waiting for background runs (the start-up sync) by their RunFinished events. */
class RunCompletionsTest {

    /** Runs as the history knows them; {@link #looked} opens once the waiter has registered and looked them up. */
    final Map<Long, RunView> runs = new ConcurrentHashMap<>();
    final CountDownLatch looked = new CountDownLatch(1);
    final RunCompletions completions = new RunCompletions(new RunHistory() {
        @Override
        public Optional<RunView> find(long runId) {
            looked.countDown();
            return Optional.ofNullable(runs.get(runId));
        }

        @Override
        public List<RunView> search(String connectionId, String flow, String status, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RunView> search(RunFilter filter, Long before, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RunErrorView> errors(long runId) {
            throw new UnsupportedOperationException();
        }
    });

    static RunView run(long id, boolean finished) {
        Instant now = Instant.now();
        return new RunView(id, "acme", "employees", "IN", "STARTUP", "INCREMENTAL", now, finished ? now : null,
                finished ? "SUCCEEDED" : "RUNNING", Map.of(), null);
    }

    @Test
    void returnsOnceEveryRunHasFinished() throws Exception {
        runs.put(1L, run(1, false));
        runs.put(2L, run(2, false));

        CompletableFuture<Set<Long>> waiting =
                CompletableFuture.supplyAsync(() -> completions.await(List.of(1L, 2L), Duration.ofMinutes(1)));
        assertThat(looked.await(10, TimeUnit.SECONDS)).isTrue();
        completions.onRunFinished(new RunFinished(run(1, true)));
        assertThat(waiting).isNotDone();
        completions.onRunFinished(new RunFinished(run(2, true)));

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void doesNotWaitForRunsThatFinishedAlreadyOrDoNotExist() {
        runs.put(1L, run(1, true));

        assertThat(completions.await(List.of(1L, 99L), Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void givesUpAfterTheTimeoutAndSaysWhichRunsAreStillGoing() {
        runs.put(1L, run(1, false));
        runs.put(2L, run(2, true));

        assertThat(completions.await(List.of(1L, 2L), Duration.ofMillis(50))).containsExactly(1L);
    }
}
