package io.passerelle.sync;

import org.springframework.stereotype.Component;

/**
 * Runs a job's flows over one ERP session (one login for all of them). If the session cannot be
 * opened, every run of the job fails with the reason in words.
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
            String reason = SyncEngine.describe(e);
            for (long runId : job.runIds()) {
                if (runs.find(runId).map(run -> !run.finished()).orElse(false)) {
                    runs.finish(runId, "FAILED", new RunCounts().asMap(), reason);
                }
            }
        } finally {
            job.flows().forEach(flow -> running.release(connectionId, flow.name()));
        }
    }
}
