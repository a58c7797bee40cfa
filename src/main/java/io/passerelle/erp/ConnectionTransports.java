package io.passerelle.erp;

import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionChanged;
import io.passerelle.connection.Endpoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;

/**
 * The open transports of one ERP, one per connection (its default endpoint), made on first use and
 * closed when the connection changes, so that the next use picks up the new address or credentials.
 * A connection test gets a transport of its own (a probe) for any endpoint, which its caller closes.
 * An ERP's transports bean extends this and says how one transport is opened.
 *
 * @param <T> the ERP's transport: a Camel route and what calls through it
 */
public abstract class ConnectionTransports<T extends AutoCloseable> {

    private final String routePrefix;
    private final String probePrefix;
    private final Map<String, T> open = new ConcurrentHashMap<>();
    private final AtomicLong probes = new AtomicLong();

    /**
     * @param routePrefix the connection's route is {@code <routePrefix>-<connection id>}
     * @param probePrefix a probe's route is {@code <probePrefix>-<connection id>-<n>}
     */
    protected ConnectionTransports(String routePrefix, String probePrefix) {
        this.routePrefix = routePrefix;
        this.probePrefix = probePrefix;
    }

    /** Opens a transport to {@code endpoint} as the route {@code routeId}. */
    protected abstract T open(String routeId, Connection connection, Endpoint endpoint);

    /** The connection's own transport, opened on first use. */
    public T forConnection(Connection connection) {
        return open.computeIfAbsent(connection.id(),
                id -> open(routePrefix + "-" + id, connection, connection.defaultEndpoint()));
    }

    /** A transport of its own for a one-off check of any endpoint; the caller closes it. */
    public T probe(Connection connection, Endpoint endpoint) {
        return open(probePrefix + "-" + connection.id() + "-" + probes.incrementAndGet(), connection, endpoint);
    }

    @EventListener
    public void onConnectionChanged(ConnectionChanged change) {
        T stale = open.remove(change.connectionId());
        if (stale != null) {
            try {
                stale.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("could not close the transport of connection " + change.connectionId(), e);
            }
        }
    }
}
