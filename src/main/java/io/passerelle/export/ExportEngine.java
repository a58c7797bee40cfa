package io.passerelle.export;

import io.passerelle.connection.Connection;
import io.passerelle.sync.PageWorkers;
import io.passerelle.sync.RetryScope;
import io.passerelle.sync.RunStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The outbound engine, shared by every ERP. A run first asks the ERP about every item whose answer
 * was lost, then sends what is ready in batches: each batch is marked SENT and committed before it
 * goes, and its answer recorded item by item. Nothing in doubt is ever resent without asking.
 */
@Component
public class ExportEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ExportEngine.class);
    private static final int RECONCILE_CHUNK = 1000;

    private final ExportItemStore items;
    private final RunStore runs;
    private final ExportProperties properties;
    private final PageWorkers workers;

    public ExportEngine(ExportItemStore items, RunStore runs, ExportProperties properties, PageWorkers workers) {
        this.items = items;
        this.runs = runs;
        this.properties = properties;
        this.workers = workers;
    }

    /** Runs one outbound flow and records it under {@code runId}. Never throws: failures are the run's. */
    public <T, P> void run(long runId, Connection connection, OutboundFlow<T, P> flow) {
        run(runId, connection, flow, null);
    }

    /**
     * As above; with a {@code scope} (a retry), only the items in it are reconciled and sent: the engine's rules
     * hold for them as for any run (asked about first when in doubt, never resent once delivered).
     */
    public <T, P> void run(long runId, Connection connection, OutboundFlow<T, P> flow, RetryScope scope) {
        runs.started(runId);
        ExportCounts counts = new ExportCounts();
        String message = null;
        try (ExportSink.Session<T, P> session = flow.sink().open(connection)) {
            new Run<>(runId, connection, flow, session, counts, scope).execute();
        } catch (RuntimeException e) {
            message = describe(e);
        }
        String status = message != null && counts.asMap().get("accepted") == 0 ? "FAILED" : counts.status();
        if (message == null && counts.unknown() > 0) {
            message = counts.unknown() + " item(s) have an unknown outcome (no answer); the next run asks the ERP"
                    + " which it holds before sending anything again";
        }
        runs.finishExport(runId, status, counts.asMap(), message);
        LOG.info("run {} {} {} {}: {}{}", runId, connection.id(), flow.name(), status, counts.asMap(),
                message == null ? "" : " — " + message);
    }

    private final class Run<T, P> {
        private final long runId;
        private final String connectionId;
        private final Connection connection;
        private final OutboundFlow<T, P> flow;
        private final ExportSink.Session<T, P> session;
        private final ExportCounts counts;
        private final String kind;
        private final RetryScope scope;
        /** The current page's items put on the wire, by source id: the source hears of them once the page is done. */
        private final Map<String, T> onTheWire = new LinkedHashMap<>();

        Run(long runId, Connection connection, OutboundFlow<T, P> flow, ExportSink.Session<T, P> session,
                ExportCounts counts, RetryScope scope) {
            this.runId = runId;
            this.connectionId = connection.id();
            this.connection = connection;
            this.flow = flow;
            this.session = session;
            this.counts = counts;
            this.kind = flow.source().kind();
            this.scope = scope;
        }

        /** The next page of candidates is read on a worker while this one is sent: pages are disjoint by key. */
        void execute() {
            reconcile();
            CompletableFuture<List<ExportCandidate<T>>> next = candidatesAfter(null);
            try {
                List<ExportCandidate<T>> page;
                while (!(page = await(next)).isEmpty()) {
                    next = candidatesAfter(page.get(page.size() - 1).sourceId());
                    counts.read(page.size());
                    send(prepare(page));
                }
            } finally {
                next.cancel(false);
            }
        }

        private CompletableFuture<List<ExportCandidate<T>>> candidatesAfter(String after) {
            if (scope == null) {
                return workers.supply(() -> flow.source().candidates(connection, after, properties.pageSize()));
            }
            return workers.supply(() -> candidatesInScope(after));
        }

        /** The next candidates a retry may send: pages without any are read past, not answered empty (the end). */
        private List<ExportCandidate<T>> candidatesInScope(String after) {
            String from = after;
            List<ExportCandidate<T>> page;
            while (!(page = flow.source().candidates(connection, from, properties.pageSize())).isEmpty()) {
                List<ExportCandidate<T>> kept = page.stream()
                        .filter(c -> inScope(c.sourceId(), c.idempotencyKey())).toList();
                if (!kept.isEmpty()) {
                    return kept;
                }
                from = page.get(page.size() - 1).sourceId();
            }
            return page;
        }

        private boolean inScope(String sourceId, String idempotencyKey) {
            return scope == null || scope.includes(sourceId) || scope.includes(idempotencyKey);
        }

        /**
         * Items sent earlier whose answer was lost: the ERP says which it holds; the others may go again. Batches
         * a stopped process left on the wire become SENT items first.
         */
        private void reconcile() {
            items.expandOrphans(connectionId, kind);
            String after = null;
            List<ExportItemStore.InDoubt> doubts;
            while (!(doubts = items.inDoubt(connectionId, kind, after, RECONCILE_CHUNK)).isEmpty()) {
                after = doubts.get(doubts.size() - 1).sourceId();
                doubts = doubts.stream().filter(d -> inScope(d.sourceId(), d.idempotencyKey())).toList();
                if (doubts.isEmpty()) {
                    continue;
                }
                Set<String> held = session.holds(doubts.stream().map(ExportItemStore.InDoubt::idempotencyKey).toList());
                Map<String, ItemOutcome> outcomes = new HashMap<>();
                for (ExportItemStore.InDoubt doubt : doubts) {
                    boolean delivered = held.contains(doubt.idempotencyKey());
                    outcomes.put(doubt.sourceId(), new ItemOutcome(doubt.idempotencyKey(),
                            delivered ? ExportState.ACCEPTED : ExportState.PENDING,
                            delivered ? "RECONCILED" : null,
                            delivered ? "the ERP already held it after an answer was lost" : null));
                    if (delivered) {
                        counts.read(1);
                        counts.outcome(ExportState.ACCEPTED);
                    }
                }
                items.outcomes(connectionId, kind, runId, outcomes, Set.of());
            }
        }

        private Prepared<T, P> prepare(List<ExportCandidate<T>> page) {
            List<PreparedItem<P>> ready = new ArrayList<>(page.size());
            Set<String> firstTime = new HashSet<>();
            Map<String, T> data = new HashMap<>();
            Map<String, ItemOutcome> refused = new HashMap<>();
            for (ExportCandidate<T> candidate : page) {
                data.put(candidate.sourceId(), candidate.data());
                if (!candidate.inLedger()) {
                    firstTime.add(candidate.sourceId());
                }
                Preparation<P> preparation = session.prepare(candidate);
                if (preparation.isReady()) {
                    ready.add(preparation.item());
                } else {
                    refused.put(candidate.sourceId(), new ItemOutcome(candidate.idempotencyKey(), ExportState.REJECTED,
                            preparation.code(), preparation.message()));
                    counts.outcome(ExportState.REJECTED);
                }
            }
            if (!refused.isEmpty()) {
                items.outcomes(connectionId, kind, runId, refused, firstTime);
            }
            return new Prepared<>(ready, firstTime, data);
        }

        /**
         * Up to {@code batchesInFlight} batches travel at once; answers are recorded on this thread. Whatever
         * happens, the source then hears of the page's items that went (a timesheet's sheet is frozen).
         */
        private void send(Prepared<T, P> prepared) {
            List<PreparedItem<P>> ready = prepared.ready();
            Deque<InFlight<P>> inFlight = new ArrayDeque<>();
            int size = flow.sink().batchSize();
            try {
                for (int from = 0; from < ready.size(); from += size) {
                    List<PreparedItem<P>> batch = ready.subList(from, Math.min(ready.size(), from + size));
                    String batchId = BatchIds.of(connectionId, kind, batch.stream().map(PreparedItem::idempotencyKey).toList());
                    items.sending(connectionId, kind, batchId, runId, batch, prepared.firstTime());
                    counts.sent(batch.size());
                    batch.forEach(item -> onTheWire.put(item.sourceId(), prepared.data().get(item.sourceId())));
                    inFlight.add(new InFlight<>(batchId, batch, prepared.firstTime(), session.send(batchId, batch)));
                    if (inFlight.size() >= properties.batchesInFlight()) {
                        record(inFlight.poll());
                    }
                }
                while (!inFlight.isEmpty()) {
                    record(inFlight.poll());
                }
            } finally {
                if (!onTheWire.isEmpty()) {
                    flow.source().sent(connection, List.copyOf(onTheWire.values()));
                    onTheWire.clear();
                }
            }
        }

        private void record(InFlight<P> batch) {
            Map<String, String> sourceByKey = new HashMap<>();
            batch.items().forEach(item -> sourceByKey.put(item.idempotencyKey(), item.sourceId()));
            Map<String, ItemOutcome> outcomes = new HashMap<>();
            try {
                for (ItemOutcome outcome : batch.answer().get()) {
                    String sourceId = sourceByKey.get(outcome.idempotencyKey());
                    if (sourceId != null) {
                        outcomes.put(sourceId, outcome);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the ERP");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : e.getCause();
                if (cause instanceof NotSentException notSent) {
                    Map<String, ItemOutcome> retried = allOf(batch, ExportState.PENDING, null, null);
                    retried.keySet().removeAll(batch.firstTime());
                    items.answered(connectionId, kind, batch.batchId(), runId, retried, batch.firstTime());
                    batch.items().forEach(item -> onTheWire.remove(item.sourceId()));
                    counts.failed(batch.items().size());
                    throw notSent;
                }
                String reason = describe(cause);
                outcomes = allOf(batch, ExportState.UNKNOWN, "NO_ANSWER", reason);
            }
            for (PreparedItem<P> item : batch.items()) {
                ItemOutcome outcome = outcomes.get(item.sourceId());
                counts.outcome(outcome == null ? ExportState.UNKNOWN : outcome.state());
                if (outcome == null) {
                    // the answer is silent about it: in doubt, like a batch whose answer was lost
                    outcomes.put(item.sourceId(), new ItemOutcome(item.idempotencyKey(), ExportState.SENT, null, null));
                }
            }
            items.answered(connectionId, kind, batch.batchId(), runId, outcomes, batch.firstTime());
        }

        private Map<String, ItemOutcome> allOf(InFlight<P> batch, ExportState state, String code, String message) {
            Map<String, ItemOutcome> all = new HashMap<>();
            batch.items().forEach(item -> all.put(item.sourceId(), new ItemOutcome(item.idempotencyKey(), state, code, message)));
            return all;
        }
    }

    /** A page ready to go, which of its items have no ledger row yet, and each candidate's data by source id. */
    private record Prepared<T, P>(List<PreparedItem<P>> ready, Set<String> firstTime, Map<String, T> data) {
    }

    private record InFlight<P>(String batchId, List<PreparedItem<P>> items, Set<String> firstTime,
            CompletableFuture<List<ItemOutcome>> answer) {
    }

    private static <V> V await(CompletableFuture<V> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the next items to send");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
        }
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
    }
}
