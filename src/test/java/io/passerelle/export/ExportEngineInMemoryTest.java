package io.passerelle.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.connection.Company;
import io.passerelle.connection.Connection;
import io.passerelle.export.EngineFakes.FakeErp;
import io.passerelle.export.EngineFakes.FakeSource;
import io.passerelle.export.EngineFakes.Thing;
import io.passerelle.run.PageWorkers;
import io.passerelle.run.RecordError;
import io.passerelle.run.RetryScope;
import io.passerelle.run.RunStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export engine alone: an in-memory ledger and run record, the fake source and ERP, no database and no Camel
 * context. What it decides: ask about what is in doubt before sending, batch pages in source order, keep in doubt
 * what an answer does not mention, stay inside a retry's scope, and move the run's counts only with commits that
 * went through. ExportEngineTest runs the engine on the real ledger.
 */
class ExportEngineInMemoryTest {

    static final String CONNECTION = "memory-erp";

    InMemoryLedger ledger;
    RecordedRuns runs;
    FakeSource source;
    FakeErp erp;
    ExecutorService pool;
    Connection connection;

    @BeforeEach
    void engineAlone() {
        ledger = new InMemoryLedger();
        runs = new RecordedRuns();
        source = new FakeSource(ledger::states);
        erp = new FakeErp();
        pool = Executors.newCachedThreadPool();
        connection = new Connection(CONNECTION, new Company("MEMORY", "Memory inc."), "fake", List.of(), Map.of(),
                Map.of(), Map.of(), null, false, Instant.now(), Instant.now());
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void pagesGoInBatchesInSourceOrderEachCommittedBeforeItLeaves() {
        source.add("a", "b", "c", "d", "e", "f", "g");

        RecordedRun run = run(engine(3, 1), null);

        assertThat(erp.calls).containsExactly("send a,b", "send c", "send d,e", "send f", "send g");
        assertThat(run.status()).isEqualTo("SUCCEEDED");
        assertThat(run.counts()).containsEntry("read", 7).containsEntry("sent", 7).containsEntry("accepted", 7);
        assertThat(run.message()).isNull();
        assertThat(ledger.states()).hasSize(7).containsValues("ACCEPTED").doesNotContainValue("SENT");
        assertThat(source.sent).containsExactly(List.of("a", "b"), List.of("c"), List.of("d", "e"), List.of("f"), List.of("g"));
        assertThat(source.outsideTransaction).isEmpty();
        assertThat(runs.progress).as("each batch is SENT in the ledger, then answered: counts move with both")
                .extracting(counts -> counts.get("sent") + "/" + counts.get("accepted"))
                .containsExactly("2/0", "2/2", "3/2", "3/3", "5/3", "5/5", "6/5", "6/6", "7/6", "7/7");
        assertThat(erp.closed).isTrue();
    }

    @Test
    void theErpIsAskedAboutEveryItemInDoubtBeforeAnythingIsSent() {
        source.add("a", "b", "c");
        ledger.put("a", ExportState.SENT);
        ledger.put("b", ExportState.UNKNOWN);
        erp.held.add("a");

        RecordedRun run = run(engine(100, 1), null);

        assertThat(erp.calls).containsExactly("holds a,b", "send b,c");
        assertThat(source.delivered).as("what the ERP held is delivered, not resent").containsExactly(List.of("a"));
        assertThat(ledger.states()).containsOnly(Map.entry("a", "ACCEPTED"), Map.entry("b", "ACCEPTED"),
                Map.entry("c", "ACCEPTED"));
        assertThat(run.counts()).containsEntry("read", 3).containsEntry("sent", 2).containsEntry("accepted", 3);
        assertThat(run.status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void anItemTheAnswerDoesNotMentionStaysInDoubtAndTheNextRunAsksBeforeResendingIt() {
        source.add("a", "b");
        erp.answers.add(batch -> {
            erp.held.add("a");
            return CompletableFuture.completedFuture(List.of(new ItemOutcome("a", ExportState.ACCEPTED, null, null)));
        });

        RecordedRun silent = run(engine(100, 1), null);

        assertThat(silent.status()).isEqualTo("PARTIAL");
        assertThat(silent.counts()).containsEntry("accepted", 1).containsEntry("unknown", 1);
        assertThat(silent.message()).startsWith("1 item(s) have an unknown outcome");
        assertThat(ledger.states()).containsEntry("b", "SENT");
        assertThat(runs.errors).singleElement().satisfies(e -> {
            assertThat(e.remoteKey()).isEqualTo("b");
            assertThat(e.code()).isEqualTo("NO_ANSWER");
            assertThat(e.message()).startsWith("the ERP's answer did not mention it").contains("asks the ERP");
            assertThat(e.retryable()).isTrue();
            assertThat(e.payload()).isEqualTo("\"payload of b\"");
        });

        erp.calls.clear();
        RecordedRun next = run(engine(100, 1), null);

        assertThat(erp.calls).containsExactly("holds b", "send b");
        assertThat(next.status()).isEqualTo("SUCCEEDED");
        assertThat(ledger.states()).containsEntry("b", "ACCEPTED");
    }

    @Test
    void aRetryReconcilesAndSendsOnlyTheItemsInItsScope() {
        source.add("a", "b", "c", "d", "e");
        ledger.put("a", ExportState.UNKNOWN);
        ledger.put("c", ExportState.SENT);

        RecordedRun retry = run(engine(2, 1), RetryScope.of(41, List.of("c", "d")));

        assertThat(erp.calls).containsExactly("holds c", "send c", "send d");
        assertThat(retry.counts()).containsEntry("read", 2).containsEntry("sent", 2).containsEntry("accepted", 2);
        assertThat(ledger.states()).containsEntry("a", "UNKNOWN").containsEntry("c", "ACCEPTED")
                .containsEntry("d", "ACCEPTED").doesNotContainKeys("b", "e");
    }

    @Test
    void refusalsAreRecordedBeforeAnythingIsSentAndDuplicatesCountAsDelivered() {
        source.add("a", "b", "c");
        erp.refuse.add("a");
        erp.answers.add(batch -> EngineFakes.answer(batch, Map.of("b",
                new ItemOutcome("b", ExportState.DUPLICATE, "DUPLICATE", "the ERP already held it"))));

        RecordedRun run = run(engine(100, 1), null);

        assertThat(erp.calls).containsExactly("send b,c");
        assertThat(run.counts()).containsEntry("rejected", 1).containsEntry("duplicates", 1).containsEntry("accepted", 1);
        assertThat(run.status()).isEqualTo("PARTIAL");
        assertThat(ledger.states()).containsOnly(Map.entry("a", "REJECTED"), Map.entry("b", "DUPLICATE"),
                Map.entry("c", "ACCEPTED"));
        assertThat(runs.errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("BAD_THING");
            assertThat(e.retryable()).isFalse();
            assertThat(e.payload()).as("the item, since nothing was sent").contains("\"id\":\"a\"");
        });
        assertThat(run.progress()).as("the refusal is committed before the batch goes").first()
                .satisfies(counts -> assertThat(counts).containsEntry("rejected", 1).containsEntry("sent", 0));
    }

    @Test
    void aCommitThatFailsLeavesTheLedgerAndTheCountsAsTheyWere() {
        source.add("a", "b");
        ledger.put("a", ExportState.UNKNOWN);
        ledger.put("b", ExportState.UNKNOWN);
        erp.held.addAll(List.of("a", "b"));
        source.failDelivered = true;

        RecordedRun failed = run(engine(100, 1), null);

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.message()).isEqualTo("the source's database is gone");
        assertThat(failed.counts()).containsEntry("read", 0).containsEntry("accepted", 0);
        assertThat(ledger.states()).containsOnly(Map.entry("a", "UNKNOWN"), Map.entry("b", "UNKNOWN"));
        assertThat(runs.progress).isEmpty();
        assertThat(erp.calls).as("nothing sent after a failed commit").containsExactly("holds a,b");
    }

    @Test
    void aSinkThatCannotOpenFailsTheRunInItsOwnWordsAndReadsNothing() {
        source.add("a");
        ExportSink<Thing, String> unreachable = new ExportSink<>() {
            @Override
            public int batchSize() {
                return 1;
            }

            @Override
            public Session<Thing, String> open(Connection connection) {
                throw new IllegalStateException("the ERP refused the login: check the connection's password");
            }
        };

        RecordedRun run = run(engine(100, 1), null, unreachable);

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.message()).isEqualTo("the ERP refused the login: check the connection's password");
        assertThat(run.counts()).containsEntry("read", 0);
        assertThat(ledger.states()).isEmpty();
    }

    // --- fixtures -------------------------------------------------------------------------------

    private ExportEngine engine(int pageSize, int batchesInFlight) {
        // PageWorkers takes its pool from a Camel context only: a mock hands it a plain one
        CamelContext camel = mock(CamelContext.class);
        ExecutorServiceManager executors = mock(ExecutorServiceManager.class);
        when(camel.getExecutorServiceManager()).thenReturn(executors);
        when(executors.newCachedThreadPool(any(), anyString())).thenReturn(pool);
        return new ExportEngine(ledger, runs, new ExportProperties(pageSize, batchesInFlight), new PageWorkers(camel),
                new TransactionTemplate(new SnapshotTransactions(ledger, runs)), new ObjectMapper());
    }

    private RecordedRun run(ExportEngine engine, RetryScope scope) {
        return run(engine, scope, erp);
    }

    private RecordedRun run(ExportEngine engine, RetryScope scope, ExportSink<Thing, String> sink) {
        long runId = runs.next();
        engine.run(runId, connection, new OutboundFlow<>("fake", "things", source, sink), scope);
        return runs.finished.get(runId);
    }

    /** Held in memory, what may be rolled back: a snapshot taken when a transaction begins. */
    interface Snapshots {
        void snapshot();

        void restore();
    }

    /** Transactions over in-memory state: begin snapshots it, rollback restores it, commit keeps it. */
    static final class SnapshotTransactions extends AbstractPlatformTransactionManager {
        private final List<Snapshots> state;

        SnapshotTransactions(Snapshots... state) {
            this.state = List.of(state);
        }

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            state.forEach(Snapshots::snapshot);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            // what was written stays
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            state.forEach(Snapshots::restore);
        }
    }

    /**
     * The ledger's states by source id, as ExportItemStore keeps them: items already in the ledger are SENT when
     * their batch goes, first-time ones wait on their batch (as its export_batch row) and get a row only with an
     * answer, or with {@link #expandOrphans} when none was recorded. In doubt: SENT and UNKNOWN, in source id order.
     */
    static final class InMemoryLedger extends ExportItemStore implements Snapshots {
        private TreeMap<String, ExportState> states = new TreeMap<>();
        private Map<String, List<String>> onTheWire = new LinkedHashMap<>();
        private TreeMap<String, ExportState> statesBefore;
        private Map<String, List<String>> onTheWireBefore;

        InMemoryLedger() {
            super(null, null, null, null); // every method the engine calls is overridden: nothing reaches JDBC
        }

        void put(String sourceId, ExportState state) {
            states.put(sourceId, state);
        }

        synchronized Map<String, String> states() {
            Map<String, String> names = new TreeMap<>();
            states.forEach((id, state) -> names.put(id, state.name()));
            return names;
        }

        @Override
        public synchronized List<InDoubt> inDoubt(String connectionId, String kind, String after, int limit) {
            return states.tailMap(after == null ? "" : after, false).entrySet().stream()
                    .filter(e -> e.getValue() == ExportState.SENT || e.getValue() == ExportState.UNKNOWN)
                    .limit(limit).map(e -> new InDoubt(e.getKey(), e.getKey())).toList();
        }

        @Override
        public synchronized void sending(String connectionId, String kind, String batchId, long runId,
                List<? extends PreparedItem<?>> batch, Set<String> firstTime) {
            List<String> fresh = new ArrayList<>();
            for (PreparedItem<?> item : batch) {
                if (firstTime.contains(item.sourceId())) {
                    fresh.add(item.sourceId());
                } else {
                    states.put(item.sourceId(), ExportState.SENT);
                }
            }
            onTheWire.put(batchId, fresh);
        }

        @Override
        public synchronized void answered(String connectionId, String kind, String batchId, long runId,
                Map<String, ItemOutcome> bySourceId, Set<String> firstTime) {
            bySourceId.forEach((id, outcome) -> states.put(id, outcome.state()));
            onTheWire.remove(batchId);
        }

        @Override
        public synchronized void outcomes(String connectionId, String kind, long runId, Map<String, ItemOutcome> bySourceId,
                Set<String> firstTime) {
            bySourceId.forEach((id, outcome) -> states.put(id, outcome.state()));
        }

        @Override
        public synchronized int expandOrphans(String connectionId, String kind) {
            int items = 0;
            for (List<String> batch : onTheWire.values()) {
                batch.forEach(id -> states.putIfAbsent(id, ExportState.SENT));
                items += batch.size();
            }
            onTheWire.clear();
            return items;
        }

        @Override
        public synchronized void snapshot() {
            statesBefore = new TreeMap<>(states);
            onTheWireBefore = new LinkedHashMap<>(onTheWire);
        }

        @Override
        public synchronized void restore() {
            states = statesBefore;
            onTheWire = onTheWireBefore;
        }
    }

    /** One finished run as the engine recorded it; {@code progress}: the counts of each commit, in order. */
    record RecordedRun(String status, Map<String, Integer> counts, String message, List<Map<String, Integer>> progress) {
    }

    /** The run record: which runs started, their counts after each commit, their errors, and how each finished. */
    static final class RecordedRuns extends RunStore implements Snapshots {
        final List<Map<String, Integer>> progress = new ArrayList<>();
        final List<RecordError> errors = new ArrayList<>();
        final Map<Long, RecordedRun> finished = new LinkedHashMap<>();
        private final Set<Long> started = new java.util.HashSet<>();
        private int progressBefore;
        private int errorsBefore;
        private long lastId;

        RecordedRuns() {
            super(null, null, null, null, null); // every method the engine calls is overridden: nothing reaches JDBC
        }

        /** A fresh run, whose progress and errors are the only ones recorded. */
        long next() {
            progress.clear();
            errors.clear();
            return ++lastId;
        }

        @Override
        public void started(long runId) {
            started.add(runId);
        }

        @Override
        public synchronized void progressExport(long runId, Map<String, Integer> counts) {
            progress.add(Map.copyOf(counts));
        }

        @Override
        public synchronized void addErrors(long runId, List<RecordError> errors) {
            this.errors.addAll(errors);
        }

        @Override
        public synchronized void finishExport(long runId, String status, Map<String, Integer> counts, String message,
                Throwable failure) {
            assertThat(started).as("started before it finished").contains(runId);
            finished.put(runId, new RecordedRun(status, Map.copyOf(counts), message, List.copyOf(progress)));
        }

        @Override
        public synchronized void snapshot() {
            progressBefore = progress.size();
            errorsBefore = errors.size();
        }

        @Override
        public synchronized void restore() {
            progress.subList(progressBefore, progress.size()).clear();
            errors.subList(errorsBefore, errors.size()).clear();
        }
    }
}
