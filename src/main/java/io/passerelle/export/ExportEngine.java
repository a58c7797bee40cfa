package io.passerelle.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.connection.Connection;
import io.passerelle.run.Causes;
import io.passerelle.run.Draining;
import io.passerelle.run.FailureMessages;
import io.passerelle.run.PageWorkers;
import io.passerelle.run.RecordError;
import io.passerelle.run.RetryScope;
import io.passerelle.run.RunLog;
import io.passerelle.run.RunStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound engine, shared by every ERP. A run first asks the ERP about every item whose answer
 * was lost, then sends what is ready in batches: each batch is marked SENT and committed before it
 * goes, and its answer recorded item by item. Nothing in doubt is ever resent without asking.
 * <p>
 * Each of the run's commits (a batch going, a batch's answer, refusals, a reconciled chunk) holds, in one
 * transaction, the ledger's rows, what the source is told ({@link ExportSource#sent}, {@link ExportSource#delivered}),
 * the run's error rows for the items not delivered, and the run's counts so far: a process that stops between two
 * commits leaves a ledger, a source, errors and counts that agree.
 */
@Component
public class ExportEngine {

    private static final int RECONCILE_CHUNK = 1000;
    /** An export cut short by its instance's stop, in words. */
    static final String INTERRUPTED = "interrupted: the instance stopped after recording the answers of its current "
            + "page; the next run sends the rest";

    private final ExportItemStore items;
    private final RunStore runs;
    private final ExportProperties properties;
    private final PageWorkers workers;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    private final Draining draining;

    public ExportEngine(ExportItemStore items, RunStore runs, ExportProperties properties, PageWorkers workers,
            TransactionTemplate transaction, ObjectMapper json) {
        this(items, runs, properties, workers, transaction, json, Draining.NEVER);
    }

    @Autowired
    public ExportEngine(ExportItemStore items, RunStore runs, ExportProperties properties, PageWorkers workers,
            TransactionTemplate transaction, ObjectMapper json, Draining draining) {
        this.draining = draining;
        this.items = items;
        this.runs = runs;
        this.properties = properties;
        this.workers = workers;
        this.transaction = transaction;
        this.json = json;
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
        run(runId, connection, flow, scope, flow.sink().batchSize());
    }

    /** A job as its flow's route gives it: with the route file's batch size. */
    public void run(ExportJob job) {
        run(job.runId(), job.connection(), job.flow(), job.scope(),
                job.batchSize() > 0 ? job.batchSize() : job.flow().sink().batchSize());
    }

    private <T, P> void run(long runId, Connection connection, OutboundFlow<T, P> flow, RetryScope scope, int batchSize) {
        runs.started(runId);
        ExportCounts counts = new ExportCounts();
        String message = null;
        RuntimeException failure = null;
        boolean interrupted = false;
        try (ExportSink.Session<T, P> session = flow.sink().open(connection)) {
            interrupted = new Run<>(runId, connection, flow, session, counts, scope, batchSize).execute();
        } catch (RuntimeException e) {
            message = FailureMessages.describe(e);
            failure = e;
        }
        String status = message != null && counts.asMap().get("accepted") == 0 ? "FAILED" : counts.status();
        if (interrupted && message == null) {
            status = "INTERRUPTED";
            message = INTERRUPTED;
        }
        if (message == null && counts.unknown() > 0) {
            message = counts.unknown() + " item(s) have an unknown outcome (no answer); the next run asks the ERP"
                    + " which it holds before sending anything again";
        }
        runs.finishExport(runId, status, counts.asMap(), message, failure);
        RunLog.finished(runId, connection.id(), flow.name(), status, counts.asMap(), message, failure);
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
        private final int batchSize;

        Run(long runId, Connection connection, OutboundFlow<T, P> flow, ExportSink.Session<T, P> session,
                ExportCounts counts, RetryScope scope, int batchSize) {
            this.runId = runId;
            this.connectionId = connection.id();
            this.connection = connection;
            this.flow = flow;
            this.session = session;
            this.counts = counts;
            this.kind = flow.source().kind();
            this.scope = scope;
            this.batchSize = batchSize;
        }

        /**
         * The next page of candidates is read on a worker while this one is sent: pages are disjoint by key. Answers
         * whether the run stopped early because its instance is stopping (after recording every answer of the page).
         */
        boolean execute() {
            reconcile();
            CompletableFuture<List<ExportCandidate<T>>> next = candidatesAfter(null);
            try {
                List<ExportCandidate<T>> page;
                while (!(page = await(next)).isEmpty()) {
                    next = candidatesAfter(page.get(page.size() - 1).sourceId());
                    counts.read(page.size());
                    send(prepare(page));
                    if (draining.draining()) {
                        return true;
                    }
                }
                return false;
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
         * a stopped process left on the wire become SENT items first. The source hears of the delivered ones in
         * the same transaction: an earlier run may have stopped before it could tell it.
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
                List<String> delivered = new ArrayList<>();
                for (ExportItemStore.InDoubt doubt : doubts) {
                    boolean holds = held.contains(doubt.idempotencyKey());
                    outcomes.put(doubt.sourceId(), new ItemOutcome(doubt.idempotencyKey(),
                            holds ? ExportState.ACCEPTED : ExportState.PENDING,
                            holds ? "RECONCILED" : null,
                            holds ? "the ERP already held it after an answer was lost" : null));
                    if (holds) {
                        delivered.add(doubt.sourceId());
                    }
                }
                commit(() -> {
                    if (!delivered.isEmpty()) {
                        flow.source().delivered(connection, delivered);
                    }
                    items.outcomes(connectionId, kind, runId, outcomes, Set.of());
                }, List.of(), tally -> {
                    tally.read(delivered.size());
                    delivered.forEach(id -> tally.outcome(ExportState.ACCEPTED));
                });
            }
        }

        private Prepared<T, P> prepare(List<ExportCandidate<T>> page) {
            List<PreparedItem<P>> ready = new ArrayList<>(page.size());
            Set<String> firstTime = new HashSet<>();
            Map<String, T> data = new HashMap<>();
            Map<String, ItemOutcome> refused = new HashMap<>();
            List<RecordError> errors = new ArrayList<>();
            for (ExportCandidate<T> candidate : page) {
                data.put(candidate.sourceId(), candidate.data());
                if (!candidate.inLedger()) {
                    firstTime.add(candidate.sourceId());
                }
                // the source's refusal (a project not linked for this connection) is every ERP's: no sink sees it
                Preparation<P> preparation = candidate.refusal() != null
                        ? Preparation.refused(candidate.refusal().code(), candidate.refusal().message())
                        : session.prepare(candidate);
                if (preparation.isReady()) {
                    ready.add(preparation.item());
                } else {
                    ItemOutcome outcome = new ItemOutcome(candidate.idempotencyKey(), ExportState.REJECTED,
                            preparation.code(), preparation.message());
                    refused.put(candidate.sourceId(), outcome);
                    errors.add(error(outcome, candidate.data()));
                }
            }
            if (!refused.isEmpty()) {
                commit(() -> items.outcomes(connectionId, kind, runId, refused, firstTime), errors,
                        tally -> refused.forEach((id, outcome) -> tally.outcome(ExportState.REJECTED)));
            }
            return new Prepared<>(ready, firstTime, data);
        }

        /**
         * Up to {@code batchesInFlight} batches travel at once; answers are recorded on this thread, each with the
         * source told of the batch's items (a timesheet's sheet is frozen). A batch that certainly did not leave
         * stops the sending; the batches already on the wire are still recorded, then the run fails.
         */
        private void send(Prepared<T, P> prepared) {
            List<PreparedItem<P>> ready = prepared.ready();
            Deque<InFlight<P>> inFlight = new ArrayDeque<>();
            int size = batchSize;
            NotSentException notSent = null;
            for (int from = 0; from < ready.size() && notSent == null; from += size) {
                List<PreparedItem<P>> batch = ready.subList(from, Math.min(ready.size(), from + size));
                String batchId = BatchIds.of(connectionId, kind, batch.stream().map(PreparedItem::idempotencyKey).toList());
                commit(() -> items.sending(connectionId, kind, batchId, runId, batch, prepared.firstTime()), List.of(),
                        tally -> tally.sent(batch.size()));
                inFlight.add(new InFlight<>(batchId, batch, prepared.firstTime(), session.send(batchId, batch)));
                if (inFlight.size() >= properties.batchesInFlight()) {
                    notSent = record(inFlight.poll(), prepared.data());
                }
            }
            while (!inFlight.isEmpty()) {
                NotSentException failed = record(inFlight.poll(), prepared.data());
                notSent = notSent == null ? failed : notSent;
            }
            if (notSent != null) {
                throw notSent;
            }
        }

        /** Records one batch's answer; answers the failure when the batch certainly did not leave. */
        private NotSentException record(InFlight<P> batch, Map<String, T> data) {
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
                Throwable cause = Causes.unwrap(e);
                if (cause instanceof NotSentException notSent) {
                    Map<String, ItemOutcome> retried = allOf(batch, ExportState.PENDING, null, null);
                    retried.keySet().removeAll(batch.firstTime());
                    String reason = FailureMessages.describe(notSent);
                    List<RecordError> errors = batch.items().stream().map(item -> new RecordError(kind,
                            item.idempotencyKey(), NOT_SENT, reason + "; it is sent again by the next run",
                            payload(item.payload()), true)).toList();
                    commit(() -> items.answered(connectionId, kind, batch.batchId(), runId, retried, batch.firstTime()),
                            errors, tally -> tally.failed(batch.items().size()));
                    return notSent;
                }
                String reason = FailureMessages.describe(cause);
                outcomes = allOf(batch, ExportState.UNKNOWN, NO_ANSWER, reason);
            }
            List<RecordError> errors = new ArrayList<>();
            List<T> went = new ArrayList<>(batch.items().size());
            List<ExportState> tallied = new ArrayList<>(batch.items().size());
            for (PreparedItem<P> item : batch.items()) {
                ItemOutcome outcome = outcomes.get(item.sourceId());
                tallied.add(outcome == null ? ExportState.UNKNOWN : outcome.state());
                if (outcome == null) {
                    // the answer is silent about it: in doubt, like a batch whose answer was lost
                    outcome = new ItemOutcome(item.idempotencyKey(), ExportState.SENT, NO_ANSWER,
                            "the ERP's answer did not mention it");
                    outcomes.put(item.sourceId(), new ItemOutcome(item.idempotencyKey(), ExportState.SENT, null, null));
                }
                if (!outcome.state().delivered()) {
                    errors.add(error(outcome, item.payload()));
                }
                went.add(data.get(item.sourceId()));
            }
            Map<String, ItemOutcome> answered = outcomes;
            // the source first: its rows (a timesheet) are locked before the ledger's, the order the API takes them in
            commit(() -> {
                flow.source().sent(connection, went);
                items.answered(connectionId, kind, batch.batchId(), runId, answered, batch.firstTime());
            }, errors, tally -> tallied.forEach(tally::outcome));
            return null;
        }

        /**
         * One commit of the run: {@code ledger} (the ledger's rows and what the source is told), the error rows, and
         * the run's counts with {@code tally} added. The run's counts move only once the commit went through, so
         * that they say what the ledger says.
         */
        private void commit(Runnable ledger, List<RecordError> errors, Consumer<ExportCounts> tally) {
            ExportCounts next = counts.copy();
            tally.accept(next);
            transaction.executeWithoutResult(status -> {
                ledger.run();
                runs.addErrors(runId, errors);
                runs.progressExport(runId, next.asMap());
            });
            counts.adopt(next);
        }

        /**
         * The run's error row for an item not delivered: REJECTED with the ERP's (or the refusal's) code and words;
         * anything else (no answer, not sent) retryable. {@code payload} is what the ERP was sent (or the item, when
         * it was refused before), never a credential: those stay in the sink's session.
         */
        private RecordError error(ItemOutcome outcome, Object item) {
            boolean rejected = outcome.state() == ExportState.REJECTED;
            String code = outcome.code() != null ? outcome.code()
                    : rejected ? "REJECTED" : outcome.state() == ExportState.UNKNOWN ? NO_ANSWER : "FAILED";
            String message = outcome.message() != null && !outcome.message().isBlank() ? outcome.message()
                    : rejected ? "the ERP refused it without giving a reason" : "no usable answer from the ERP";
            if (!rejected) {
                message += "; the next run asks the ERP whether it holds it before sending it again";
            }
            return new RecordError(kind, outcome.idempotencyKey(), code, message, payload(item), !rejected);
        }

        private String payload(Object item) {
            if (item == null || item instanceof JsonNode) {
                return item == null ? null : item.toString();
            }
            try {
                return json.writeValueAsString(item);
            } catch (JsonProcessingException e) {
                return null;
            }
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

    private static final String NO_ANSWER = "NO_ANSWER";
    private static final String NOT_SENT = "NOT_SENT";

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
}
