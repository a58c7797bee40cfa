package io.passerelle.sync;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A logged-in conversation with one ERP for the length of a run. Pages are asked for
 * asynchronously so that the next page travels while the previous one is written.
 */
public interface SourceSession extends AutoCloseable {

    /**
     * @param after         where the previous page ended, null for the first page
     * @param modifiedSince only items modified at or after this instant; null for all
     */
    CompletableFuture<SourcePage> fetch(InboundFlow flow, String after, Instant modifiedSince, int limit);

    /**
     * Whether pages come in order of modification (Avantage's LIST does). When they do not, a page's
     * latest instant says nothing of the pages still to come, so the cursor moves only after the last.
     */
    default boolean ordersByModification() {
        return true;
    }

    @Override
    void close();
}
