package io.passerelle.sync;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.run.RetryScope;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunView;
import io.passerelle.run.RunningFlows;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.run.UnknownFlowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final Map<CanonicalEntity, EntityWriter> writers;

    public SyncLauncherService(ConnectionDirectory connections, List<InboundSource> sources, RunStore runs,
            RunningFlows running, ProducerTemplate producer, List<EntityWriter> writers) {
        this.connections = connections;
        this.sources = sources.stream().collect(Collectors.toMap(InboundSource::erp, Function.identity()));
        this.runs = runs;
        this.running = running;
        this.producer = producer;
        this.writers = SyncEngine.byEntity(writers);
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
    public long startRefresh(String connectionId, String flow, Trigger trigger, String key) {
        SyncJob job = prepare(connectionId, flow, trigger, SyncMode.FULL, null, key);
        producer.asyncSendBody(SyncRoutes.RUN_JOB, job);
        return job.runIds().get(0);
    }

    @Override
    public RunView refreshAndWait(String connectionId, String flow, Trigger trigger, String key) {
        SyncJob job = prepare(connectionId, flow, trigger, SyncMode.FULL, null, key);
        producer.sendBody(SyncRoutes.RUN_JOB, job);
        return runs.find(job.runIds().get(0)).orElseThrow();
    }

    @Override
    public long startRetry(String connectionId, String flow, RetryScope scope) {
        SyncJob job = prepare(connectionId, flow, Trigger.RETRY, SyncMode.FULL, scope, null);
        producer.asyncSendBody(SyncRoutes.RUN_JOB, job);
        return job.runIds().get(0);
    }

    @Override
    public RunView retryAndWait(String connectionId, String flow, RetryScope scope) {
        SyncJob job = prepare(connectionId, flow, Trigger.RETRY, SyncMode.FULL, scope, null);
        producer.sendBody(SyncRoutes.RUN_JOB, job);
        return runs.find(job.runIds().get(0)).orElseThrow();
    }

    private SyncJob prepare(String connectionId, String flow, Trigger trigger, SyncMode mode) {
        return prepare(connectionId, flow, trigger, mode, null, null);
    }

    /**
     * Claims the flows, and what their writers write beyond the connection (the companies it imports: only one
     * import of a company runs at a time, whichever connection asks), then creates their runs under the connection's
     * row lock, so that an archive at the same moment either comes first (and the run is refused) or sees the runs
     * going (and is refused).
     *
     * @param scope a retry's records (one flow, not {@code all}), or null for a run of everything
     * @param key   the one record a refresh asks for (one flow, not {@code all}), or null
     */
    private SyncJob prepare(String connectionId, String flow, Trigger trigger, SyncMode mode, RetryScope scope,
            String key) {
        Connection known = connections.find(connectionId).orElseThrow(() -> new ConnectionNotFoundException(connectionId));
        InboundSource source = sources.get(known.erp());
        if (source == null) {
            throw new UnknownFlowException(known.erp(), flow);
        }
        if (key != null) {
            if (ALL_FLOWS.equals(flow)) {
                throw new RefreshKeyRefusedException("a key refreshes one record of one flow, not of all");
            }
            source.inbound().stream().filter(f -> f.name().equals(flow)).findFirst()
                    .orElseThrow(() -> new UnknownFlowException(known.erp(), flow));
            source.refusesKey(flow, key).ifPresent(why -> {
                throw new RefreshKeyRefusedException(why);
            });
        }
        List<InboundFlowSpec> flows = ALL_FLOWS.equals(flow) && scope == null && key == null ? source.inbound()
                : List.of(source.inbound().stream().filter(f -> f.name().equals(flow)).findFirst()
                        .orElseThrow(() -> new UnknownFlowException(known.erp(), flow)));
        running.claim(connectionId, flows.stream().map(InboundFlowSpec::name).toList());
        List<EntityWriter.Claim> claims = new ArrayList<>();
        try {
            for (InboundFlowSpec each : flows) {
                EntityWriter writer = writers.get(each.entity());
                claims.add(writer == null ? EntityWriter.Claim.NONE : writer.claim(connectionId));
            }
            return connections.lockedForRun(connectionId, connection -> {
                List<Long> runIds = new ArrayList<>();
                for (InboundFlowSpec each : flows) {
                    runIds.add(runs.create(connectionId, each.name(), "IN", trigger, mode,
                            scope == null ? null : scope.retryOf()));
                }
                return new SyncJob(connection, source, flows, List.copyOf(runIds), mode, scope, key,
                        List.copyOf(claims));
            });
        } catch (RuntimeException e) {
            claims.forEach(EntityWriter.Claim::release);
            flows.forEach(each -> running.release(connectionId, each.name()));
            throw e;
        }
    }
}
