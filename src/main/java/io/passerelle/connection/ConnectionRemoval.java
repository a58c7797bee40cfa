package io.passerelle.connection;

import java.time.Instant;

/**
 * What {@code DELETE} did: deleted a connection that had no history ({@code archivedAt} null), or archived one
 * that had, keeping {@code kept}.
 */
public record ConnectionRemoval(String id, Instant archivedAt, ConnectionHistory kept) {

    public boolean archived() {
        return archivedAt != null;
    }
}
