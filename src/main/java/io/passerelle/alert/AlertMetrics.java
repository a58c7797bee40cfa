package io.passerelle.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code passerelle_alerts_total{event,outcome}}: alerts raised ({@code queued}), delivered, retried after a failed
 * attempt ({@code retried}) and given up ({@code gave_up}); and {@code passerelle_flow_last_success_seconds
 * {connection,flow}}, the epoch second of each flow's last SUCCEEDED run (the latest of its companies'), for the
 * Prometheus rule that says a flow is stale.
 */
@Component
class AlertMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(AlertEvent event, String outcome) {
        Counter.builder("passerelle.alerts")
                .description("Alerts of flows to connections' webhooks, by event (FAILED, PARTIAL, STALE, RECOVERED)"
                        + " and outcome (queued, delivered, retried, gave_up)")
                .tags("event", event.name(), "outcome", outcome)
                .register(registry).increment();
    }

    void succeeded(String connectionId, String flow, Instant at) {
        AtomicLong seconds = lastSuccess.computeIfAbsent(connectionId + "\u0000" + flow, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("passerelle.flow.last.success", value, AtomicLong::get)
                    .description("When a connection's flow last ended SUCCEEDED (any of its companies), in seconds"
                            + " since the epoch")
                    .baseUnit("seconds")
                    .tags("connection", connectionId, "flow", flow)
                    .register(registry);
            return value;
        });
        seconds.accumulateAndGet(at.getEpochSecond(), Math::max);
    }
}
