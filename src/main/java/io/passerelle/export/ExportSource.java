package io.passerelle.export;

import io.passerelle.connection.Connection;
import java.util.Collection;
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

    /** Called with the source ids that were put on the wire in a run (e.g. to freeze their sheets). */
    void sent(Connection connection, Collection<String> sourceIds);
}
