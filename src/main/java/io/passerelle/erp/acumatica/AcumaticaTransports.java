package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionChanged;
import io.passerelle.connection.Endpoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One HTTP route per Acumatica connection (its default endpoint), remade when the connection changes. */
@Component
public class AcumaticaTransports {

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ObjectMapper mapper;
    private final AcumaticaProperties properties;
    private final Map<String, AcumaticaTransport> open = new ConcurrentHashMap<>();
    private final AtomicLong probes = new AtomicLong();

    public AcumaticaTransports(CamelContext camel, ProducerTemplate producer, ObjectMapper mapper, AcumaticaProperties properties) {
        this.camel = camel;
        this.producer = producer;
        this.mapper = mapper;
        this.properties = properties;
    }

    /** A new session (not yet signed in) over the connection's transport. */
    public AcumaticaSession session(Connection connection) {
        AcumaticaTransport transport = open.computeIfAbsent(connection.id(), id ->
                AcumaticaTransport.open(camel, producer, "acumatica-http-" + id, connection.defaultEndpoint().url(), properties));
        return session(connection, transport);
    }

    public AcumaticaTransport probe(Connection connection, Endpoint endpoint) {
        return AcumaticaTransport.open(camel, producer, "acumatica-probe-" + connection.id() + "-" + probes.incrementAndGet(),
                endpoint.url(), properties);
    }

    public AcumaticaSession session(Connection connection, AcumaticaTransport transport) {
        Object version = connection.options().get("endpointVersion");
        return new AcumaticaSession(transport, mapper, connection.credentials(),
                version == null ? properties.defaultEndpointVersion() : version.toString(), properties.maxAttempts());
    }

    public int pageSize() {
        return properties.pageSize();
    }

    @EventListener
    public void onConnectionChanged(ConnectionChanged change) {
        AcumaticaTransport stale = open.remove(change.connectionId());
        if (stale != null) {
            stale.close();
        }
    }
}
