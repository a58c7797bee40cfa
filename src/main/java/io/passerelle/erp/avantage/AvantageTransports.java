package io.passerelle.erp.avantage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionChanged;
import io.passerelle.connection.Endpoint;
import io.passerelle.erp.avantage.codec.MainTcpCodec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The open transports, one per Avantage connection (its default endpoint), made on first use and
 * dropped when the connection changes so that the next use picks up the new address or key.
 */
@Component
public class AvantageTransports {

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ObjectMapper mapper;
    private final AvantageProperties properties;
    private final Map<String, AvantageTransport> open = new ConcurrentHashMap<>();
    private final AtomicLong probes = new AtomicLong();

    public AvantageTransports(CamelContext camel, ProducerTemplate producer, ObjectMapper mapper, AvantageProperties properties) {
        this.camel = camel;
        this.producer = producer;
        this.mapper = mapper;
        this.properties = properties;
    }

    public AvantageTransport forConnection(Connection connection) {
        return open.computeIfAbsent(connection.id(),
                id -> create("avantage-transport-" + id, connection, connection.defaultEndpoint()));
    }

    /** A transport of its own for a one-off check of any endpoint; the caller closes it. */
    public AvantageTransport probe(Connection connection, Endpoint endpoint) {
        return create("avantage-probe-" + connection.id() + "-" + probes.incrementAndGet(), connection, endpoint);
    }

    public AvantageSession session(Connection connection, AvantageTransport transport) {
        return new AvantageSession(transport, mapper, connection.credential("user"), connection.credential("password"),
                properties.busyMaxAttempts());
    }

    @EventListener
    public void onConnectionChanged(ConnectionChanged change) {
        AvantageTransport stale = open.remove(change.connectionId());
        if (stale != null) {
            stale.close();
        }
    }

    private AvantageTransport create(String routeId, Connection connection, Endpoint endpoint) {
        MainTcpCodec codec = new MainTcpCodec(connection.credential("encryptionKey"), mapper,
                properties.greetingTimeout().toMillis());
        return AvantageTransport.open(camel, producer, routeId, AvantageAddress.parse(endpoint.url()), codec, properties);
    }
}
