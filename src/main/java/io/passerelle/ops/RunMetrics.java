package io.passerelle.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.passerelle.run.RunFinished;
import io.passerelle.run.RunView;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs as Micrometer meters: {@code passerelle.runs} (by connection, flow, direction, status),
 * {@code passerelle.run.duration}, and {@code passerelle.records} (by outcome: created, updated,
 * unchanged, rejected, failed, sent, accepted, duplicates, unknown). Each has a description: Prometheus shows it
 * as the {@code # HELP} line.
 */
@Component
public class RunMetrics {

    private final MeterRegistry registry;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    public void onRunFinished(RunFinished finished) {
        RunView run = finished.run();
        Counter.builder("passerelle.runs")
                .description("Finished runs, by connection, flow, direction (IN sync, OUT export) and final status"
                        + " (SUCCEEDED, PARTIAL, FAILED)")
                .tags("connection", run.connection(), "flow", run.flow(), "direction", run.direction(),
                        "status", run.status())
                .register(registry).increment();
        if (run.startedAt() != null && run.finishedAt() != null) {
            Timer.builder("passerelle.run.duration")
                    .description("How long runs took, from their start to their final status, by connection and flow")
                    .tags("connection", run.connection(), "flow", run.flow())
                    .register(registry).record(Duration.between(run.startedAt(), run.finishedAt()));
        }
        run.counts().forEach((outcome, count) -> {
            if (count > 0) {
                Counter.builder("passerelle.records")
                        .description("Records and items that runs handled, by connection, flow and outcome (sync:"
                                + " read, created, updated, unchanged, rejected, failed; export: read, sent, accepted,"
                                + " duplicates, rejected, unknown, failed)")
                        .tags("connection", run.connection(), "flow", run.flow(), "outcome", outcome)
                        .register(registry).increment(count);
            }
        });
    }
}
