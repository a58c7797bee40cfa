package io.passerelle.connection;

import java.time.Instant;

/**
 * The connection was archived (deleted while it had history): it is not there to read, change, test or run, and
 * the API answers 404 saying so. Creating the same id again brings it back with its history.
 */
public class ConnectionArchivedException extends ConnectionNotFoundException {

    private final Instant archivedAt;

    public ConnectionArchivedException(String id, Instant archivedAt) {
        super(id, "connection '" + id + "' was archived" + (archivedAt == null ? "" : " on " + archivedAt)
                + ": its runs, export ledger and records are kept; create it again (POST /api/connections with the"
                + " same id, erp and company) to use it, with its history");
        this.archivedAt = archivedAt;
    }

    public Instant archivedAt() {
        return archivedAt;
    }
}
