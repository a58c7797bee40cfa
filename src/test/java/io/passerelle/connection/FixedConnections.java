package io.passerelle.connection;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A {@link ConnectionDirectory} of a fixed list of live connections, for plain tests of what reads it. */
public final class FixedConnections implements ConnectionDirectory {

    private final List<Connection> connections;

    public FixedConnections(Connection... connections) {
        this.connections = List.of(connections);
    }

    @Override
    public Optional<Connection> find(String id) {
        return connections.stream().filter(connection -> connection.id().equals(id)).findFirst();
    }

    @Override
    public List<Connection> all() {
        return connections;
    }

    @Override
    public <T> T lockedForRun(String id, Function<Connection, T> start) {
        return start.apply(find(id).orElseThrow(() -> new ConnectionNotFoundException(id)));
    }
}
