package io.passerelle.ops;

import io.passerelle.connection.ConnectionChanged;
import io.passerelle.sync.RunFinished;
import io.passerelle.sync.RunView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The last run of every connection and flow, under {@code /actuator/health} as {@code connectionRuns}.
 * A failed run is shown, not turned into DOWN: an unreachable customer ERP must not get this
 * instance restarted by its orchestrator. Operators alert on {@code passerelle.runs{status="FAILED"}}.
 */
@Component("connectionRuns")
public class ConnectionRunsHealthIndicator extends AbstractHealthIndicator {

    private final Map<String, RunView> lastRuns = new ConcurrentHashMap<>();

    @EventListener
    public void onRunFinished(RunFinished finished) {
        RunView run = finished.run();
        lastRuns.put(run.connection() + "/" + run.flow(), run);
    }

    /** A deleted or archived connection is no one's concern any more: its flows leave the detail. */
    @EventListener
    public void onConnectionChanged(ConnectionChanged change) {
        if (change.deleted()) {
            lastRuns.keySet().removeIf(key -> key.startsWith(change.connectionId() + "/"));
        }
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> details = new TreeMap<>();
        long failing = 0;
        for (Map.Entry<String, RunView> entry : lastRuns.entrySet()) {
            RunView run = entry.getValue();
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("status", run.status());
            last.put("finishedAt", run.finishedAt());
            last.put("runId", run.id());
            if (run.message() != null) {
                last.put("message", run.message());
            }
            details.put(entry.getKey(), last);
            if ("FAILED".equals(run.status())) {
                failing++;
            }
        }
        builder.up().withDetail("failingFlows", failing).withDetails(details);
    }
}
