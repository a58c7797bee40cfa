package io.passerelle.sync;

import io.passerelle.run.FailureMessages;
import io.passerelle.run.RunLog;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunningFlows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Runs a job's runs over one ERP session per company (one login for all of a company's flows). If a session cannot
 * be opened, that company's runs fail with the reason in words, and say so in one log line each; the next company's
 * go on. A flow is released (may be started again) once its last run has ended.
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
            if (job.failure() != null) {
                throw job.failure();
            }
            // every flow's route file is read before anything is: one that is broken fails the job, not half of it
            Map<String, InboundFlow> flows = new HashMap<>();
            for (InboundFlowSpec spec : job.flows()) {
                InboundFlow flow = routes.resolve(job.connection(), spec);
                flow = job.key() == null ? flow : flow.withKey(job.key());
                flows.put(spec.name(), job.project() == null ? flow : flow.withProject(job.project()));
            }
            run(job, flows);
        } catch (RuntimeException e) {
            fail(job, job.parts(), e);
        } finally {
            job.releaseClaims();
            job.flows().forEach(flow -> running.release(connectionId, flow.name()));
        }
    }

    private void run(SyncJob job, Map<String, InboundFlow> flows) {
        List<SyncJob.Part> parts = job.parts();
        int start = 0;
        while (start < parts.size()) {
            SyncTarget target = parts.get(start).target();
            int end = start;
            while (end < parts.size() && parts.get(end).target().equals(target)) {
                end++;
            }
            List<SyncJob.Part> company = parts.subList(start, end);
            try (SourceSession session = target.ofErpCompany() ? job.source().open(job.connection(), target)
                    : job.source().open(job.connection())) {
                for (SyncJob.Part part : company) {
                    engine.run(part.runId(), target, flows.get(part.flow().name()), session, job.mode(), job.scope(),
                            job.range());
                    if (lastOf(parts, part)) {
                        running.release(job.connection().id(), part.flow().name());
                    }
                }
            } catch (RuntimeException e) {
                fail(job, company, e);
            }
            start = end;
        }
    }

    private static boolean lastOf(List<SyncJob.Part> parts, SyncJob.Part part) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            if (parts.get(i).flow().name().equals(part.flow().name())) {
                return parts.get(i) == part;
            }
        }
        return false;
    }

    /** Every run of {@code parts} not finished yet fails with the reason in words, and says so in one log line each. */
    private void fail(SyncJob job, List<SyncJob.Part> parts, RuntimeException e) {
        String connectionId = job.connection().id();
        String reason = FailureMessages.describe(e);
        for (SyncJob.Part part : parts) {
            long runId = part.runId();
            if (runs.find(runId).map(run -> !run.finished()).orElse(false)) {
                Map<String, Integer> counts = new RunCounts().asMap();
                runs.finish(runId, "FAILED", counts, reason, e);
                RunLog.finished(runId, connectionId, part.flow().name(), "FAILED", counts, reason, e);
            }
        }
    }
}
