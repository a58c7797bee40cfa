package io.passerelle.export;

import io.passerelle.connection.Connection;
import java.util.List;

/** The platform side of an outbound flow: what is ready to go, and what happens once it went. */
public interface ExportSource<T> {

    /** The export_item kind, e.g. {@code TIMESHEET_LINE}. */
    String kind();

    /**
     * Items not yet delivered to this connection, ordered by source id, after {@code after}
     * (null for the first page).
     */
    List<ExportCandidate<T>> candidates(Connection connection, String after, int limit);

    /**
     * Called after each page with the items of it that were put on the wire, whatever their answer (e.g. to
     * freeze their sheets). Items refused before sending, or never sent, are not among them.
     */
    void sent(Connection connection, List<T> items);
}
