package io.passerelle.connection;

/**
 * Published after a connection is created, updated, deleted or archived (then {@code connection} is null: it is
 * no longer live), once the transaction that stored it has committed. Route instantiation listens to it: no
 * restart.
 */
public record ConnectionChanged(String connectionId, Connection connection) {

    /** Deleted or archived: nothing should run, be scheduled or be shown for it any more. */
    public boolean deleted() {
        return connection == null;
    }
}
