package io.passerelle.sync;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.run.RetryScope;
import io.passerelle.run.RunCompany;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunThreads;
import io.passerelle.run.RunView;
import io.passerelle.run.Instances;
import io.passerelle.run.RunningFlows;
import io.passerelle.run.RunningImports;
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
    private final RunThreads runThreads;
    private final Map<CanonicalEntity, EntityWriter> writers;
    private final SyncTargets targets;
    private final SyncStore store;
    private final RunningImports importing;
    private final SyncedKeys synced;
    private final Instances instances;

    public SyncLauncherService(ConnectionDirectory connections, List<InboundSource> sources, RunStore runs,
            RunningFlows running, ProducerTemplate producer, RunThreads runThreads, List<EntityWriter> writers, SyncTargets targets,
            SyncStore store, RunningImports importing, SyncedKeys synced, Instances instances) {
        this.instances = instances;
        this.connections = connections;
        this.sources = sources.stream().collect(Collectors.toMap(InboundSource::erp, Function.identity()));
        this.runs = runs;
        this.running = running;
        this.producer = producer;
        this.runThreads = runThreads;
        this.writers = SyncEngine.byEntity(writers);
        this.targets = targets;
        this.store = store;
        this.importing = importing;
        this.synced = synced;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void abandonInterruptedRuns() {
        runs.abandonRunning();
    }

    @Override
    public List<Long> start(String connectionId, String flow, Trigger trigger, SyncMode mode) {
        return start(SyncRequest.of(connectionId, flow, trigger, mode));
    }

    @Override
    public List<RunView> runAndWait(String connectionId, String flow, Trigger trigger, SyncMode mode) {
        return runAndWait(SyncRequest.of(connectionId, flow, trigger, mode));
    }

    @Override
    public List<Long> start(SyncRequest request) {
        SyncJob job = prepare(request, null, null, null);
        runThreads.start(SyncRoutes.RUN_JOB, job);
        return job.runIds();
    }

    @Override
    public List<RunView> runAndWait(SyncRequest request) {
        SyncJob job = prepare(request, null, null, null);
        producer.sendBody(SyncRoutes.RUN_JOB, job);
        return job.runIds().stream().map(id -> runs.find(id).orElseThrow()).toList();
    }

    @Override
    public long startRefresh(String connectionId, String flow, Trigger trigger, String key) {
        SyncJob job = prepare(SyncRequest.of(connectionId, flow, trigger, SyncMode.FULL), null, key, null);
        runThreads.start(SyncRoutes.RUN_JOB, job);
        return job.runIds().get(0);
    }

    @Override
    public RunView refreshAndWait(String connectionId, String flow, Trigger trigger, String key) {
        SyncJob job = prepare(SyncRequest.of(connectionId, flow, trigger, SyncMode.FULL), null, key, null);
        producer.sendBody(SyncRoutes.RUN_JOB, job);
        return runs.find(job.runIds().get(0)).orElseThrow();
    }

    @Override
    public long startProject(String connectionId, String flow, Trigger trigger, String project) {
        SyncJob job = prepare(SyncRequest.of(connectionId, flow, trigger, SyncMode.FULL), null, null, project);
        runThreads.start(SyncRoutes.RUN_JOB, job);
        return job.runIds().get(0);
    }

    @Override
    public RunView projectAndWait(String connectionId, String flow, Trigger trigger, String project) {
        SyncJob job = prepare(SyncRequest.of(connectionId, flow, trigger, SyncMode.FULL), null, null, project);
        producer.sendBody(SyncRoutes.RUN_JOB, job);
        return runs.find(job.runIds().get(0)).orElseThrow();
    }

    @Override
    public long startRetry(String connectionId, String flow, RetryScope scope) {
        SyncJob job = prepare(SyncRequest.of(connectionId, flow, Trigger.RETRY, SyncMode.FULL), scope, null, null);
        runThreads.start(SyncRoutes.RUN_JOB, job);
        return job.runIds().get(0);
    }

    @Override
    public RunView retryAndWait(String connectionId, String flow, RetryScope scope) {
        SyncJob job = prepare(SyncRequest.of(connectionId, flow, Trigger.RETRY, SyncMode.FULL), scope, null, null);
        producer.sendBody(SyncRoutes.RUN_JOB, job);
        return runs.find(job.runIds().get(0)).orElseThrow();
    }

    /**
     * Claims the flows, the companies they import (only one import of a company's records runs at a time, whichever
     * connection asks) and what their writers write beyond the connection, then creates their runs, one per company ×
     * flow, under the connection's row lock, so that an archive at the same moment either comes first (and the run is
     * refused) or sees the runs going (and is refused). A retry runs in the company of the run it retries.
     *
     * @param scope a retry's records (one flow, not {@code all}), or null for a run of everything
     * @param key     the one record a refresh asks for (one flow, not {@code all}), or null
     * @param project the project whose records alone a run syncs (one flow, not {@code all}), as the caller spells
     *                its number, or null
     */
    private SyncJob prepare(SyncRequest request, RetryScope scope, String key, String project) {
        instances.requireRunning();
        String connectionId = request.connectionId();
        Connection known = connections.find(connectionId).orElseThrow(() -> new ConnectionNotFoundException(connectionId));
        InboundSource source = sources.get(known.erp());
        if (source == null) {
            throw new UnknownFlowException(known.erp(), String.join(",", request.flows()));
        }
        boolean single = scope != null || key != null || project != null;
        if (single && (request.flows().size() != 1 || ALL_FLOWS.equals(request.flows().get(0)))) {
            throw new RefreshKeyRefusedException(project != null ? "a project's records are synced one flow at a time, not all"
                    : "a key refreshes one record of one flow, not of all");
        }
        List<InboundFlowSpec> flows = flows(known, source, request.flows());
        if (key != null) {
            source.refusesKey(flows.get(0).name(), key).ifPresent(why -> {
                throw new RefreshKeyRefusedException(why);
            });
        }
        RuntimeException unknownCompanies = null;
        List<SyncTarget> targets;
        try {
            targets = companies(known, request, scope);
        } catch (RuntimeException e) {
            // the ERP could not say what the companies are: the runs are made, and fail in words
            unknownCompanies = e;
            targets = store.target(connectionId).map(List::of).orElse(List.of());
        }
        if (targets.isEmpty()) {
            throw new NoCompanySelectedException(connectionId);
        }
        String projectNumber = project == null ? null : syncedProject(source, flows.get(0).name(), targets, project);
        running.claim(connectionId, flows.stream().map(InboundFlowSpec::name).toList());
        List<Runnable> claims = new ArrayList<>();
        try {
            List<RunningImports.Import> imports = new ArrayList<>();
            for (SyncTarget target : targets) {
                for (InboundFlowSpec each : flows) {
                    imports.add(new RunningImports.Import(target.companyId(), companyName(known, target),
                            each.entity().name()));
                }
            }
            claims.add(importing.claim(connectionId, imports));
            for (InboundFlowSpec each : flows) {
                EntityWriter writer = writers.get(each.entity());
                if (writer != null) {
                    claims.add(writer.claim(connectionId)::release);
                }
            }
            List<SyncTarget> chosen = targets;
            RuntimeException failure = unknownCompanies;
            return connections.lockedForRun(connectionId, connection -> {
                List<SyncJob.Part> parts = new ArrayList<>();
                for (SyncTarget target : chosen) {
                    RunCompany company = target.ofErpCompany()
                            ? new RunCompany(target.companyId(), target.erpCompanyId(), target.name()) : null;
                    for (InboundFlowSpec each : flows) {
                        parts.add(new SyncJob.Part(each, target, runs.create(connectionId, each.name(), "IN",
                                request.trigger(), request.mode(), scope == null ? null : scope.retryOf(), company,
                                request.importRunId(), projectNumber)));
                    }
                }
                return new SyncJob(connection, source, List.copyOf(parts), request.mode(), scope, key, projectNumber,
                        request.range(), List.copyOf(claims), failure);
            });
        } catch (RuntimeException e) {
            claims.forEach(Runnable::run);
            flows.forEach(each -> running.release(connectionId, each.name()));
            throw e;
        }
    }

    /**
     * The project a run of one project's records syncs, as the ERP spells its number (its synced record's): one the
     * flow can sync alone, and one a company of the run has among its synced projects. A project Passerelle has not
     * synced is refused rather than asked for: its records could not be attached to it, and an ERP may answer a number
     * it does not know with nothing, which would read as a project without records.
     */
    private String syncedProject(InboundSource source, String flow, List<SyncTarget> targets, String project) {
        source.refusesProject(flow).ifPresent(why -> {
            throw new ProjectRefusedException(why, false);
        });
        String matchKey = KeyNormalizer.matchKey(project);
        if (matchKey != null) {
            for (SyncTarget target : targets) {
                SyncedKey found = synced.find(target.companyId(), CanonicalEntity.PROJECT, List.of(matchKey)).get(matchKey);
                if (found != null) {
                    return found.code();
                }
            }
        }
        throw new ProjectRefusedException("no project '" + project + "' among the synced projects of this connection's "
                + "company: sync projects first, or check the number", true);
    }

    /** The flows asked for, in the ERP's order; {@code all}: every one. */
    private static List<InboundFlowSpec> flows(Connection connection, InboundSource source, List<String> names) {
        if (names.contains(ALL_FLOWS)) {
            return source.inbound();
        }
        for (String name : names) {
            if (source.inbound().stream().noneMatch(f -> f.name().equals(name))) {
                throw new UnknownFlowException(connection.erp(), name);
            }
        }
        return source.inbound().stream().filter(f -> names.contains(f.name())).toList();
    }

    /**
     * The companies the runs import: the selected ones (those the request names, when it names some); a retry's,
     * the company of the run it retries. A per-company connection with no company to import makes no run.
     */
    private List<SyncTarget> companies(Connection connection, SyncRequest request, RetryScope scope) {
        List<SyncTarget> selected = targets.selected(connection);
        if (scope != null) {
            RunCompany retried = runs.find(scope.retryOf()).map(RunView::company).orElse(null);
            return retried == null ? selected.stream().filter(t -> !t.ofErpCompany()).toList()
                    : selected.stream().filter(t -> retried.erpCompanyId().equals(t.erpCompanyId())).toList();
        }
        if (request.companies() == null) {
            return selected;
        }
        return selected.stream().filter(t -> request.companies().contains(t.erpCompanyId())).toList();
    }

    private String companyName(Connection connection, SyncTarget target) {
        if (target.name() != null) {
            return target.name() + " (" + target.erpCompanyId() + ")";
        }
        return connection.company() == null ? String.valueOf(target.companyId()) : connection.company().code();
    }
}
