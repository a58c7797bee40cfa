package io.passerelle.export;

import io.passerelle.connection.Connection;
import java.util.List;

/**
 * The platform side of an outbound flow: what is ready to go, and what happens once it went. The engine tells the
 * source in the transaction that records the items' outcomes in the ledger, so that the ledger never shows an
 * item as gone (or held by the ERP) that its source has not heard of, even if the process stops right after.
 */
public interface ExportSource<T> {

    /** The export_item kind, e.g. {@code TIMESHEET_LINE}. */
    String kind();

    /**
     * Items not yet delivered to this connection, ordered by source id, after {@code after}
     * (null for the first page), translated for the connection where every ERP needs the same translation (a
     * platform project through the connection's projects map); an item that cannot be is a candidate the source
     * refused ({@link ExportCandidate#refused}), recorded REJECTED without the sink seeing it.
     */
    List<ExportCandidate<T>> candidates(Connection connection, String after, int limit);

    /**
     * The items of one batch that were put on the wire, whatever their answer (e.g. to freeze their sheets), in the
     * transaction that records the answer. Items refused before sending, or whose batch certainly did not leave,
     * are not among them.
     */
    void sent(Connection connection, List<T> items);

    /**
     * Items an earlier run put on the wire without recording an answer (it was lost, or the process stopped with
     * the batch on the wire) that the ERP says it holds: reconciliation found them delivered. In the transaction
     * that records them ACCEPTED; by source id, since such items are no candidates. The source may have heard of
     * them already through {@link #sent}: idempotent.
     */
    void delivered(Connection connection, List<String> sourceIds);
}
