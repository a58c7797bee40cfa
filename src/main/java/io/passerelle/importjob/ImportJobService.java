package io.passerelle.importjob;

import io.passerelle.company.CompanyService;
import io.passerelle.company.ConnectionCompanyView;
import io.passerelle.connection.AfterCommitPublisher;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionArchivedException;
import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.connection.ConnectionService;
import io.passerelle.run.FailureMessages;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunView;
import io.passerelle.run.Trigger;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.InboundSource;
import io.passerelle.sync.SyncLauncher;
import io.passerelle.sync.SyncRequest;
import io.passerelle.sync.SyncTargets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Import jobs (issue 13): one connection, some of its companies and some of its inbound flows, run on a schedule or
 * by hand over a range; each run of a job is a row whose lines are the sync runs the launcher makes, one per company ×
 * flow. A job belongs to its connection: while that is archived the job is not shown, run nor scheduled, and it goes
 * when the connection is deleted. Who may see or change a job is the API's concern (its connection's access).
 */
@Service
public class ImportJobService {

    /** How many of a line's errors a job's run shows; the rest are at {@code GET /api/runs/{runId}/errors}. */
    public static final int ERRORS_SHOWN = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobService.class);

    private final ImportJobStore store;
    private final ConnectionService connections;
    private final CompanyService companies;
    private final SyncTargets targets;
    private final Map<String, InboundSource> sources;
    private final SyncLauncher launcher;
    private final RunStore runs;
    private final AfterCommitPublisher events;

    ImportJobService(ImportJobStore store, ConnectionService connections, CompanyService companies,
            SyncTargets targets, List<InboundSource> sources, SyncLauncher launcher, RunStore runs,
            AfterCommitPublisher events) {
        this.store = store;
        this.connections = connections;
        this.companies = companies;
        this.targets = targets;
        this.sources = sources.stream().collect(Collectors.toMap(InboundSource::erp, Function.identity()));
        this.launcher = launcher;
        this.runs = runs;
        this.events = events;
    }

    /**
     * Stores a new job of {@code owner}.
     *
     * @throws InvalidImportJobException naming each problem (an unknown or archived connection among them)
     */
    public ImportJob create(ImportJobRequest request, String owner) {
        JobSettings settings = ImportJobValidator.check(request, connection(request.connection(), request), null);
        Instant now = now();
        long id = store.insert(settings, owner, now);
        ImportJob job = new ImportJob(id, settings, owner, now, now);
        events.publish(new ImportJobChanged(id, job));
        LOG.info("import job {} ({}) of connection {} created by {}", id, settings.name(), settings.connectionId(), owner);
        return job;
    }

    /**
     * Replaces what the job runs; its connection, owner and creation stay.
     *
     * @throws ImportJobNotFoundException when there is none (or its connection is archived)
     * @throws InvalidImportJobException  naming each problem
     */
    public ImportJob update(long id, ImportJobRequest request) {
        ImportJob stored = get(id);
        JobSettings settings = ImportJobValidator.check(request, connection(stored.connectionId(), request),
                stored.connectionId());
        Instant now = now();
        store.update(id, settings, now);
        ImportJob job = new ImportJob(id, settings, stored.owner(), stored.createdAt(), now);
        events.publish(new ImportJobChanged(id, job));
        return job;
    }

    /** Deletes the job and its runs; their lines stay in the run history, no longer part of a job's run. */
    public void delete(long id) {
        get(id);
        store.delete(id);
        events.publish(new ImportJobChanged(id, null));
        LOG.info("import job {} deleted", id);
    }

    /** @throws ImportJobNotFoundException when there is none, or its connection is archived */
    public ImportJob get(long id) {
        return store.find(id).orElseThrow(() -> new ImportJobNotFoundException(id));
    }

    /** The jobs of live connections, of one when {@code connectionId} is not null, in the order they were made. */
    public List<ImportJob> list(String connectionId) {
        return store.list(connectionId);
    }

    /** The connection of a job that is shown; empty for none. */
    public Optional<String> connectionOf(long id) {
        return store.find(id).map(ImportJob::connectionId);
    }

    /**
     * Starts a run of the job in the background: its lines' sync runs are made now (and refused now: a flow or company
     * already being imported, no company selected).
     */
    public JobRunStarted start(long id, Trigger trigger) {
        ImportJob job = get(id);
        long runId = store.insertRun(id, trigger, now());
        try {
            return new JobRunStarted(runId, launcher.start(request(job, trigger, runId)));
        } catch (RuntimeException e) {
            store.deleteRun(runId);
            throw e;
        }
    }

    /** As {@link #start}, and waits for every line to finish; answers the finished run. */
    public JobRun runAndWait(long id, Trigger trigger) {
        ImportJob job = get(id);
        long runId = store.insertRun(id, trigger, now());
        try {
            launcher.runAndWait(request(job, trigger, runId));
        } catch (RuntimeException e) {
            store.deleteRun(runId);
            throw e;
        }
        return run(id, runId);
    }

    /** The job's runs, newest first. */
    public List<JobRun> runs(long id, int limit) {
        get(id);
        return store.runs(id, limit).stream().map(this::withLines).toList();
    }

    /** @throws ImportJobRunNotFoundException when the job has no such run */
    public JobRun run(long id, long runId) {
        get(id);
        return store.run(id, runId).map(this::withLines).orElseThrow(() -> new ImportJobRunNotFoundException(id, runId));
    }

    /** The job's newest run, if it ran. */
    public Optional<JobRun> lastRun(long id) {
        return store.runs(id, 1).stream().findFirst().map(this::withLines);
    }

    /** What the launcher is asked: the companies only of a connection that reaches several (else its own). */
    private SyncRequest request(ImportJob job, Trigger trigger, long runId) {
        JobSettings settings = job.settings();
        Set<String> named = null;
        if (settings.companies() != null && connections.find(job.connectionId()).map(targets::perCompany).orElse(false)) {
            named = new LinkedHashSet<>(settings.companies());
        }
        JobRange range = settings.range();
        return new SyncRequest(job.connectionId(), settings.flows(), trigger, range.mode(), named,
                range.syncRange(Instant.now()), runId);
    }

    private JobRun withLines(JobRunRow row) {
        Map<Long, Integer> counts = store.errorCounts(row.id());
        List<JobLine> lines = runs.ofImportRun(row.id()).stream().map(run -> line(run, counts)).toList();
        return new JobRun(row.id(), row.jobId(), row.trigger(), row.startedAt(), lines);
    }

    private JobLine line(RunView run, Map<Long, Integer> counts) {
        int count = counts.getOrDefault(run.id(), 0);
        return new JobLine(run, count == 0 ? List.of() : store.lineErrors(run.id(), ERRORS_SHOWN), count);
    }

    /**
     * The connection a job names, as the validator needs it. Its companies are asked of the ERP first when the body
     * names some and a connection that reaches several has met none yet, as a selection of companies does.
     */
    private JobConnection connection(String id, ImportJobRequest request) {
        if (id == null || id.isBlank()) {
            return JobConnection.unusable(id, "required");
        }
        Connection connection;
        try {
            connection = connections.get(id);
        } catch (ConnectionArchivedException e) {
            return JobConnection.unusable(id, "connection " + id + " is archived: create it again to import from it");
        } catch (ConnectionNotFoundException e) {
            return JobConnection.unusable(id, "no such connection");
        }
        if (request.companies() != null && targets.perCompany(connection) && targets.reached(connection).isEmpty()) {
            try {
                targets.discover(connection);
            } catch (RuntimeException e) {
                LOG.info("connection {}: its companies could not be asked of the ERP, a job's are checked against "
                        + "those known: {}", id, FailureMessages.describe(e));
            }
        }
        InboundSource source = sources.get(connection.erp());
        List<String> flows = source == null ? List.of() : source.inbound().stream().map(InboundFlowSpec::name).toList();
        List<String> reached = companies.companiesOf(id).stream().map(ConnectionCompanyView::erpCompanyId)
                .filter(java.util.Objects::nonNull).toList();
        return JobConnection.of(id, flows, reached);
    }

    private static Instant now() {
        // the database keeps microseconds at best: answer what a later read will answer
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
