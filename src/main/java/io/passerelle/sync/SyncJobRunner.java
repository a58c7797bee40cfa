package io.passerelle.sync;

import io.passerelle.run.FailureMessages;
import io.passerelle.run.RunLog;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunningFlows;
import java.util.List;
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
    private final FlowRoutes routes;

    public SyncJobRunner(SyncEngine engine, RunStore runs, RunningFlows running, FlowRoutes routes) {
        this.engine = engine;
        this.runs = runs;
        this.running = running;
        this.routes = routes;
    }

    public void run(SyncJob job) {
        String connectionId = job.connection().id();
        try {
            // every flow's route file is read before anything is: one that is broken fails the job, not half of it
            List<InboundFlow> flows = job.flows().stream().map(spec -> routes.resolve(job.connection(), spec))
                    .map(flow -> job.key() == null ? flow : flow.withKey(job.key())).toList();
            run(job, flows);
        } catch (RuntimeException e) {
            fail(job, e);
        } finally {
            job.releaseClaims();
            job.flows().forEach(flow -> running.release(connectionId, flow.name()));
        }
    }

    private void run(SyncJob job, List<InboundFlow> flows) {
        String connectionId = job.connection().id();
        try (SourceSession session = job.source().open(job.connection())) {
            for (int i = 0; i < flows.size(); i++) {
                engine.run(job.runIds().get(i), connectionId, flows.get(i), session, job.mode(), job.scope());
                job.claims().get(i).release();
                running.release(connectionId, job.flows().get(i).name());
            }
        }
    }

    /** Every run of the job not finished yet fails with the reason in words, and says so in one log line each. */
    private void fail(SyncJob job, RuntimeException e) {
        String connectionId = job.connection().id();
        String reason = FailureMessages.describe(e);
        for (int i = 0; i < job.runIds().size(); i++) {
            long runId = job.runIds().get(i);
            if (runs.find(runId).map(run -> !run.finished()).orElse(false)) {
                Map<String, Integer> counts = new RunCounts().asMap();
                runs.finish(runId, "FAILED", counts, reason, e);
                RunLog.finished(runId, connectionId, job.flows().get(i).name(), "FAILED", counts, reason, e);
            }
        }
    }
}
