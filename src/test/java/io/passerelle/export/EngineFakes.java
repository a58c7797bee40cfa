package io.passerelle.export;

import io.passerelle.connection.Connection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A fake platform source and a fake ERP for the export engine's tests, on whichever ledger the test keeps: the H2
 * one (ExportEngineTest) or an in-memory one (ExportEngineInMemoryTest).
 */
final class EngineFakes {

    static final String KIND = "THING";

    private EngineFakes() {
    }

    record Thing(String id, String group) {
    }

    /** Every item of the batch accepted, except those {@code special} answers otherwise. */
    static CompletableFuture<List<ItemOutcome>> answer(List<PreparedItem<String>> batch, Map<String, ItemOutcome> special) {
        return CompletableFuture.completedFuture(batch.stream().map(item -> special.getOrDefault(item.sourceId(),
                new ItemOutcome(item.idempotencyKey(), ExportState.ACCEPTED, null, null))).toList());
    }

    /**
     * Things keyed by id; candidates are those the ledger does not show as gone, as the real sources query it.
     * {@code ledgerStates}: source id → the ledger's state of it.
     */
    static final class FakeSource implements ExportSource<Thing> {
        final Map<String, Thing> things = new TreeMap<>();
        final List<List<String>> sent = Collections.synchronizedList(new ArrayList<>());
        final List<List<String>> delivered = Collections.synchronizedList(new ArrayList<>());
        final List<String> outsideTransaction = Collections.synchronizedList(new ArrayList<>());
        private final Supplier<Map<String, String>> ledgerStates;
        volatile boolean failDelivered;

        FakeSource(Supplier<Map<String, String>> ledgerStates) {
            this.ledgerStates = ledgerStates;
        }

        void add(String... ids) {
            for (String id : ids) {
                things.put(id, new Thing(id, "g-" + id));
            }
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<ExportCandidate<Thing>> candidates(Connection connection, String after, int limit) {
            Map<String, String> states = ledgerStates.get();
            return things.values().stream()
                    .filter(t -> after == null || t.id().compareTo(after) > 0)
                    .filter(t -> !states.containsKey(t.id()) || Set.of("PENDING", "REJECTED").contains(states.get(t.id())))
                    .limit(limit)
                    .map(t -> new ExportCandidate<>(t.id(), t.id(), t, states.containsKey(t.id())))
                    .toList();
        }

        @Override
        public void sent(Connection connection, List<Thing> items) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                outsideTransaction.add("sent");
            }
            sent.add(items.stream().map(Thing::id).toList());
        }

        @Override
        public void delivered(Connection connection, List<String> sourceIds) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                outsideTransaction.add("delivered");
            }
            if (failDelivered) {
                throw new IllegalStateException("the source's database is gone");
            }
            delivered.add(List.copyOf(sourceIds));
        }
    }

    /** An ERP that holds what it accepted; each batch's answer is scripted in turn, then everything is accepted. */
    static final class FakeErp implements ExportSink<Thing, String>, ExportSink.Session<Thing, String> {
        final Set<String> refuse = new HashSet<>();
        final Deque<Function<List<PreparedItem<String>>, CompletableFuture<List<ItemOutcome>>>> answers = new ArrayDeque<>();
        final Set<String> held = Collections.synchronizedSet(new HashSet<>());
        /** What the engine asked, in order: "holds a,b" and "send a,b". */
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        volatile int posts;
        volatile boolean closed;

        CompletableFuture<List<ItemOutcome>> accept(List<PreparedItem<String>> batch) {
            batch.forEach(item -> held.add(item.idempotencyKey()));
            return answer(batch, Map.of());
        }

        @Override
        public int batchSize() {
            return 2;
        }

        @Override
        public Session<Thing, String> open(Connection connection) {
            return this;
        }

        @Override
        public Preparation<String> prepare(ExportCandidate<Thing> candidate) {
            if (refuse.contains(candidate.sourceId())) {
                return Preparation.refused("BAD_THING", "thing " + candidate.sourceId() + " cannot be translated");
            }
            return Preparation.ready(new PreparedItem<>(candidate.sourceId(), candidate.idempotencyKey(),
                    "payload of " + candidate.sourceId()));
        }

        @Override
        public CompletableFuture<List<ItemOutcome>> send(String batchId, List<PreparedItem<String>> batch) {
            posts++;
            calls.add("send " + String.join(",", batch.stream().map(PreparedItem::idempotencyKey).toList()));
            Function<List<PreparedItem<String>>, CompletableFuture<List<ItemOutcome>>> next = answers.poll();
            return next == null ? accept(batch) : next.apply(batch);
        }

        @Override
        public Set<String> holds(List<String> keys) {
            calls.add("holds " + String.join(",", keys));
            Set<String> holds = new HashSet<>(keys);
            holds.retainAll(held);
            return holds;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
