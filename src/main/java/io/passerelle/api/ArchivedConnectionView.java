package io.passerelle.api;

import java.time.Instant;

import io.passerelle.connection.ConnectionHistory;
import io.passerelle.connection.ConnectionRemoval;

/** The answer to a {@code DELETE} that archived the connection: when, what was kept, and how to get it back. */
record ArchivedConnectionView(String id, boolean archived, Instant archivedAt, Kept kept, String message) {

    /** The counts of what stays under the connection's id. */
    record Kept(long runs, long exportItems, long unansweredBatches, long records, long cursors, long documents) {
    }

    static ArchivedConnectionView of(ConnectionRemoval removal) {
        ConnectionHistory h = removal.kept();
        return new ArchivedConnectionView(removal.id(), true, removal.archivedAt(),
                new Kept(h.runs(), h.exportItems(), h.unansweredBatches(), h.records(), h.cursors(), h.documents()),
                "connection '" + removal.id() + "' has history, so it was archived, not deleted: its schedules are"
                        + " stopped and its credentials erased; its runs, export ledger, cursors, remote references"
                        + " and records are kept. Creating it again (POST /api/connections with the same id, erp and"
                        + " company) picks that history up, so nothing it exported is sent again.");
    }
}
