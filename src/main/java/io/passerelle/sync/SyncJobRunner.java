package io.passerelle.sync;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Runs a job's flows over one ERP session (one login for all of them). If the session cannot be
 * opened, every run of the job fails with the reason in words, and says so in one log line each.
 */
@Component
public class SyncJobRunner {

    private final SyncEngine engine;
    private final RunStore runs;
    private final RunningFlows running;

    public SyncJobRunner(SyncEngine engine, RunStore runs, RunningFlows running) {
        this.engine = engine;
        this.runs = runs;
        this.running = running;
    }

    public void run(SyncJob job) {
        String connectionId = job.connection().id();
        try (SourceSession session = job.source().open(job.connection())) {
            for (int i = 0; i < job.flows().size(); i++) {
                engine.run(job.runIds().get(i), connectionId, job.flows().get(i), session, job.mode(), job.scope());
                running.release(connectionId, job.flows().get(i).name());
            }
        } catch (RuntimeException e) {
            String reason = FailureMessages.describe(e);
            for (int i = 0; i < job.runIds().size(); i++) {
                long runId = job.runIds().get(i);
                if (runs.find(runId).map(run -> !run.finished()).orElse(false)) {
                    Map<String, Integer> counts = new RunCounts().asMap();
                    runs.finish(runId, "FAILED", counts, reason);
                    RunLog.finished(runId, connectionId, job.flows().get(i).name(), "FAILED", counts, reason, e);
                }
            }
        } finally {
            job.flows().forEach(flow -> running.release(connectionId, flow.name()));
        }
    }
}
