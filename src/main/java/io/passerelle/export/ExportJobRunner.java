package io.passerelle.export;

import io.passerelle.run.FailureMessages;
import io.passerelle.run.RunLog;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunningFlows;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs an export job through its flow's route ({@code routes/<erp>/<flow>.camel.yaml}, step {@code export-run}). A
 * route file that cannot be used fails the run in words, as an unreachable ERP would.
 */
@Component("exportJobRunner")
public class ExportJobRunner {

    private final ExportEngine engine;
    private final RunningFlows running;
    private final OutboundRoutes routes;
    private final RunStore runs;
    private final ProducerTemplate producer;

    public ExportJobRunner(ExportEngine engine, RunningFlows running, OutboundRoutes routes, RunStore runs,
            ProducerTemplate producer) {
        this.engine = engine;
        this.running = running;
        this.routes = routes;
        this.runs = runs;
        this.producer = producer;
    }

    public void run(ExportJob job) {
        try {
            OutboundRoutes.OutboundRoute route;
            try {
                route = routes.resolve(job.connection(), job.flow());
            } catch (RuntimeException e) {
                fail(job, e);
                return;
            }
            producer.sendBody(route.run(), job.withBatchSize(route.batchSize()));
        } finally {
            running.releaseExport(job.connection().id(), job.flow().name());
        }
    }

    /** The flow route's step: the engine runs the job. It never throws; failures are the run's. */
    public void export(ExportJob job) {
        engine.run(job);
    }

    private void fail(ExportJob job, RuntimeException e) {
        String reason = FailureMessages.describe(e);
        Map<String, Integer> counts = new ExportCounts().asMap();
        runs.finishExport(job.runId(), "FAILED", counts, reason, e);
        RunLog.finished(job.runId(), job.connection().id(), job.flow().name(), "FAILED", counts, reason, e);
    }
}
