package io.passerelle.export;

import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.run.RetryScope;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunThreads;
import io.passerelle.run.RunView;
import io.passerelle.run.Instances;
import io.passerelle.run.RunningFlows;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.run.UnknownFlowException;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

@Service
public class ExportLauncherService implements ExportLauncher {

    private final ConnectionDirectory connections;
    private final OutboundFlows flows;
    private final RunStore runs;
    private final RunningFlows running;
    private final Instances instances;
    private final ProducerTemplate producer;
    private final RunThreads runThreads;
    private final ExportItemStore items;

    public ExportLauncherService(ConnectionDirectory connections, OutboundFlows flows, RunStore runs,
            RunningFlows running, ProducerTemplate producer, RunThreads runThreads, ExportItemStore items, Instances instances) {
        this.instances = instances;
        this.connections = connections;
        this.flows = flows;
        this.runs = runs;
        this.running = running;
        this.producer = producer;
        this.runThreads = runThreads;
        this.items = items;
    }

    /** Batches a stopped process left on the wire show as SENT items at once, not only at the next run. */
    @EventListener(ApplicationStartedEvent.class)
    public void expandInterruptedBatches() {
        items.expandAllOrphans();
    }

    @Override
    public long start(String connectionId, String flow, Trigger trigger) {
        ExportJob job = prepare(connectionId, flow, trigger);
        runThreads.start(ExportRoutes.RUN_JOB, job);
        return job.runId();
    }

    @Override
    public RunView runAndWait(String connectionId, String flow, Trigger trigger) {
        ExportJob job = prepare(connectionId, flow, trigger);
        producer.sendBody(ExportRoutes.RUN_JOB, job);
        return runs.find(job.runId()).orElseThrow();
    }

    @Override
    public long startRetry(String connectionId, String flow, RetryScope scope) {
        ExportJob job = prepare(connectionId, flow, Trigger.RETRY, scope);
        runThreads.start(ExportRoutes.RUN_JOB, job);
        return job.runId();
    }

    @Override
    public RunView retryAndWait(String connectionId, String flow, RetryScope scope) {
        ExportJob job = prepare(connectionId, flow, Trigger.RETRY, scope);
        producer.sendBody(ExportRoutes.RUN_JOB, job);
        return runs.find(job.runId()).orElseThrow();
    }

    private ExportJob prepare(String connectionId, String flowName, Trigger trigger) {
        return prepare(connectionId, flowName, trigger, null);
    }

    /**
     * As {@code SyncLauncherService}: the run is created under the connection's row lock, or not at all.
     *
     * @param scope a retry's items, or null for a run of everything ready
     */
    private ExportJob prepare(String connectionId, String flowName, Trigger trigger, RetryScope scope) {
        instances.requireRunning();
        Connection known = connections.find(connectionId).orElseThrow(() -> new ConnectionNotFoundException(connectionId));
        OutboundFlow<?, ?> flow = flows.find(known.erp(), flowName).orElseThrow(() -> new UnknownFlowException(known.erp(), flowName));
        running.claimExport(connectionId, flowName);
        try {
            return connections.lockedForRun(connectionId, connection -> new ExportJob(connection, flow,
                    runs.create(connectionId, flowName, "OUT", trigger, SyncMode.INCREMENTAL,
                            scope == null ? null : scope.retryOf()), scope));
        } catch (RuntimeException e) {
            running.releaseExport(connectionId, flowName);
            throw e;
        }
    }
}
