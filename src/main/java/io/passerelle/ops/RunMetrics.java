package io.passerelle.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.passerelle.sync.RunFinished;
import io.passerelle.sync.RunView;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs as Micrometer meters: {@code passerelle.runs} (by connection, flow, direction, status),
 * {@code passerelle.run.duration}, and {@code passerelle.records} (by outcome: created, updated,
 * unchanged, rejected, failed, sent, accepted, duplicates, unknown).
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
        registry.counter("passerelle.runs", "connection", run.connection(), "flow", run.flow(),
                "direction", run.direction(), "status", run.status()).increment();
        if (run.startedAt() != null && run.finishedAt() != null) {
            Timer.builder("passerelle.run.duration").tags("connection", run.connection(), "flow", run.flow())
                    .register(registry).record(Duration.between(run.startedAt(), run.finishedAt()));
        }
        run.counts().forEach((outcome, count) -> {
            if (count > 0) {
                registry.counter("passerelle.records", "connection", run.connection(), "flow", run.flow(),
                        "outcome", outcome).increment(count);
            }
        });
    }
}
