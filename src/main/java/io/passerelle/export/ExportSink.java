package io.passerelle.export;

import io.passerelle.connection.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The ERP side of an outbound flow. One per ERP and flow, in its {@code erp/<name>} package. */
public interface ExportSink<T, P> {

    /** How many items one request may carry. */
    int batchSize();

    /** Opens a session for a run: connect, log in. Throws with a message in words when it cannot. */
    Session<T, P> open(Connection connection);

    interface Session<T, P> extends AutoCloseable {

        /** Translates one item, or refuses it before any call (a missing code map entry, a bad id format). */
        Preparation<P> prepare(ExportCandidate<T> candidate);

        /**
         * Sends one batch. Completes with one outcome per item; completes exceptionally with
         * {@link OutcomeUnknownException} when the answer is lost.
         */
        CompletableFuture<List<ItemOutcome>> send(String batchId, List<PreparedItem<P>> batch);

        /** Of these keys, the ones the ERP already holds: asked before anything in doubt is resent. */
        Set<String> holds(List<String> idempotencyKeys);

        @Override
        void close();
    }
}
