package io.passerelle.sync;

import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

@Service
public class SyncLauncherService implements SyncLauncher {

    public static final String ALL_FLOWS = "all";

    private final ConnectionDirectory connections;
    private final Map<String, InboundSource> sources;
    private final RunStore runs;
    private final RunningFlows running;
    private final ProducerTemplate producer;

    public SyncLauncherService(ConnectionDirectory connections, List<InboundSource> sources, RunStore runs,
            RunningFlows running, ProducerTemplate producer) {
        this.connections = connections;
        this.sources = sources.stream().collect(Collectors.toMap(InboundSource::erp, Function.identity()));
        this.runs = runs;
        this.running = running;
        this.producer = producer;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void abandonInterruptedRuns() {
        runs.abandonRunning();
    }

    @Override
    public List<Long> start(String connectionId, String flow, Trigger trigger, SyncMode mode) {
        SyncJob job = prepare(connectionId, flow, trigger, mode);
        producer.asyncSendBody(SyncRoutes.RUN_JOB, job);
        return job.runIds();
    }

    @Override
    public List<RunView> runAndWait(String connectionId, String flow, Trigger trigger, SyncMode mode) {
        SyncJob job = prepare(connectionId, flow, trigger, mode);
        producer.sendBody(SyncRoutes.RUN_JOB, job);
        return job.runIds().stream().map(id -> runs.find(id).orElseThrow()).toList();
    }

    @Override
    public long startRetry(String connectionId, String flow, RetryScope scope) {
        SyncJob job = prepare(connectionId, flow, Trigger.RETRY, SyncMode.FULL, scope);
        producer.asyncSendBody(SyncRoutes.RUN_JOB, job);
        return job.runIds().get(0);
    }

    @Override
    public RunView retryAndWait(String connectionId, String flow, RetryScope scope) {
        SyncJob job = prepare(connectionId, flow, Trigger.RETRY, SyncMode.FULL, scope);
        producer.sendBody(SyncRoutes.RUN_JOB, job);
        return runs.find(job.runIds().get(0)).orElseThrow();
    }

    private SyncJob prepare(String connectionId, String flow, Trigger trigger, SyncMode mode) {
        return prepare(connectionId, flow, trigger, mode, null);
    }

    /** @param scope a retry's records (one flow, not {@code all}), or null for a run of everything */
    private SyncJob prepare(String connectionId, String flow, Trigger trigger, SyncMode mode, RetryScope scope) {
        Connection connection = connections.find(connectionId)
                .orElseThrow(() -> new NoSuchElementException("no connection '" + connectionId + "'"));
        InboundSource source = sources.get(connection.erp());
        if (source == null) {
            throw new UnknownFlowException(connection.erp(), flow);
        }
        List<InboundFlow> flows = ALL_FLOWS.equals(flow) && scope == null ? source.flows()
                : List.of(source.flows().stream().filter(f -> f.name().equals(flow)).findFirst()
                        .orElseThrow(() -> new UnknownFlowException(connection.erp(), flow)));
        running.claim(connectionId, flows.stream().map(InboundFlow::name).toList());
        List<Long> runIds = new ArrayList<>();
        try {
            for (InboundFlow each : flows) {
                runIds.add(runs.create(connectionId, each.name(), "IN", trigger, mode,
                        scope == null ? null : scope.retryOf()));
            }
        } catch (RuntimeException e) {
            flows.forEach(each -> running.release(connectionId, each.name()));
            throw e;
        }
        return new SyncJob(connection, source, flows, List.copyOf(runIds), mode, scope);
    }
}
