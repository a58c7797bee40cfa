package io.passerelle.connection;

/**
 * Published after a connection is created, updated or deleted (then {@code connection} is null), once
 * the transaction that stored it has committed. Route instantiation listens to it: no restart.
 */
public record ConnectionChanged(String connectionId, Connection connection) {

    public boolean deleted() {
        return connection == null;
    }
}
