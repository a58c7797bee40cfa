package io.passerelle.sync;

import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.run.Draining;
import io.passerelle.run.FailureMessages;
import io.passerelle.run.PageWorkers;
import io.passerelle.run.RetryScope;
import io.passerelle.run.RunLog;
import io.passerelle.run.RunStore;
import io.passerelle.run.SyncMode;
import io.passerelle.sync.InboundPages.MappedPage;
import io.passerelle.canonical.CanonicalEntity;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The inbound engine, shared by every ERP: page → mapper → normalised keys → one transaction per
 * page with its cursor → run counts. The next page is already on its way, and is mapped on a worker,
 * while one is written: the run's own thread only writes. An entity that has an {@link EntityWriter} (companies)
 * is written by it; every other by {@link SyncStore}.
 */
@Component
public class SyncEngine {

    /** A run cut short by its instance's stop, in words. */
    static final String INTERRUPTED = "interrupted: the instance stopped after writing its current page; the next run "
            + "goes on from the watermark";
    static final String NOT_STARTED = "interrupted: the instance stopped before this run began; the next run does it";

    private final SyncStore store;
    private final RunStore runs;
    private final PageWorkers workers;
    private final InboundPages pages;
    private final Map<CanonicalEntity, EntityWriter> writers;

    private final Draining draining;

    public SyncEngine(SyncStore store, RunStore runs, PageWorkers workers, InboundPages pages,
            List<EntityWriter> writers) {
        this(store, runs, workers, pages, writers, Draining.NEVER);
    }

    @Autowired
    public SyncEngine(SyncStore store, RunStore runs, PageWorkers workers, InboundPages pages,
            List<EntityWriter> writers, Draining draining) {
        this.draining = draining;
        this.store = store;
        this.runs = runs;
        this.workers = workers;
        this.pages = pages;
        this.writers = byEntity(writers);
    }

    /** The writer of each entity that has one; two for one entity is a mistake of the build. */
    static Map<CanonicalEntity, EntityWriter> byEntity(List<EntityWriter> writers) {
        Map<CanonicalEntity, EntityWriter> byEntity = new EnumMap<>(CanonicalEntity.class);
        for (EntityWriter writer : writers) {
            EntityWriter other = byEntity.putIfAbsent(writer.entity(), writer);
            if (other != null) {
                throw new IllegalStateException("two writers for " + writer.entity().apiName() + ": "
                        + other.getClass().getName() + " and " + writer.getClass().getName());
            }
        }
        return byEntity;
    }

    /** Runs one flow of the connection's own company to the end and records it under {@code runId}. Never throws. */
    public void run(long runId, String connectionId, InboundFlow flow, SourceSession session, SyncMode mode) {
        SyncTarget target = store.target(connectionId).orElse(new SyncTarget(connectionId, -1));
        run(runId, target, flow, session, mode, null, null);
    }

    /**
     * Runs one flow of one company ({@code target}) to the end and records it under {@code runId}. Never throws:
     * failures are the run's. With a {@code scope} (a retry), the flow is read whole, since a failed record may be
     * older than the watermark, and only the records in scope are counted and written; with a {@code range} (an
     * import job's), what changed in it is read; a flow of one project ({@link InboundFlow#project()}) reads that
     * project whole. Either way the cursor is left where runs put it: a retry writes a few records, a range is not all
     * that changed and one project is not every project, so none says what the flow holds up to any instant.
     */
    public void run(long runId, SyncTarget target, InboundFlow flow, SourceSession session, SyncMode mode,
            RetryScope scope, SyncRange range) {
        RunCounts counts = new RunCounts();
        if (draining.draining()) {
            // a later flow of a job whose instance is stopping: not begun, rather than cut after its first page
            runs.finish(runId, "INTERRUPTED", counts.asMap(), NOT_STARTED, null);
            RunLog.finished(runId, target.connectionId(), flow.name(), "INTERRUPTED", counts.asMap(), NOT_STARTED, null);
            return;
        }
        runs.started(runId);
        String status;
        String message = null;
        RuntimeException failure = null;
        CompletableFuture<MappedPage> next = null;
        boolean interrupted = false;
        String connectionId = target.connectionId();
        try {
            if (target.companyId() < 0) {
                throw new IllegalStateException("connection '" + connectionId + "' no longer exists");
            }
            // a retry, a refresh, a range or one project writes some records: it says nothing of what the flow holds up
            // to an instant
            boolean few = scope != null || flow.key() != null || flow.project() != null || range != null;
            Instant since = range != null ? range.from() : mode == SyncMode.FULL || few ? null
                    : store.watermark(target, flow.entity()).orElse(null);
            Instant heldAt = null;
            Instant runWatermark = null;
            next = fetch(session, flow, null, since, scope);
            while (next != null) {
                MappedPage mapped = await(next);
                SourcePage page = mapped.page();
                next = page.next() == null ? null : fetch(session, flow, page.next(), since, scope);
                counts.read(mapped.considered() + mapped.skipped());
                counts.skipped(mapped.skipped());
                mapped.errors().forEach(counts::error);
                List<CanonicalRecord> records = mapped.records();
                if (range != null) {
                    List<CanonicalRecord> held = records.stream().filter(range::holds).toList();
                    counts.skipped(records.size() - held.size());
                    records = held;
                }
                PageResult written;
                EntityWriter writer = writers.get(flow.entity());
                if (!few) {
                    runWatermark = latest(runWatermark, page.watermark());
                    Instant cursor = session.ordersByModification() ? page.watermark() : next == null ? runWatermark : null;
                    written = writer == null ? store.writePage(target, flow.entity(), records, cursor, heldAt)
                            : writer.writePage(target, records, cursor, heldAt);
                    heldAt = written.heldAt();
                } else {
                    written = writer == null ? store.writeRecords(target, flow.entity(), records)
                            : writer.writePage(target, records, null, null);
                }
                counts.add(written);
                runs.addErrors(runId, counts.drainErrors());
                // what a running run has done so far, for the console's Runs page (read so far)
                runs.progress(runId, counts.asMap());
                if (next != null && draining.draining()) {
                    // the instance is stopping: this page is written with its cursor, the rest is the next run's
                    next.cancel(true);
                    next = null;
                    interrupted = true;
                }
            }
            status = interrupted ? "INTERRUPTED" : counts.clean() ? "SUCCEEDED" : "PARTIAL";
            if (interrupted) {
                message = INTERRUPTED;
            }
        } catch (RuntimeException e) {
            if (next != null) {
                next.cancel(true);
            }
            status = "FAILED";
            message = FailureMessages.describe(e);
            failure = e;
            runs.addErrors(runId, counts.drainErrors());
        }
        runs.finish(runId, status, counts.asMap(), message, failure);
        String what = flow.project() == null ? flow.name() : flow.name() + " of project " + flow.project();
        RunLog.finished(runId, connectionId, target.name() == null ? what : what + " of " + target.name(),
                status, counts.asMap(), message, failure);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }

    private CompletableFuture<MappedPage> fetch(SourceSession session, InboundFlow flow, String after, Instant since,
            RetryScope scope) {
        return workers.then(session.fetch(flow, after, since, flow.pageSize()),
                page -> pages.mapThroughRoute(flow, page, scope));
    }

    private static MappedPage await(CompletableFuture<MappedPage> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the ERP");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
        }
    }
}
