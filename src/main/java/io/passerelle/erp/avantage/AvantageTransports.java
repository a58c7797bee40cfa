package io.passerelle.erp.avantage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.connection.Connection;
import io.passerelle.connection.Endpoint;
import io.passerelle.erp.ConnectionTransports;
import io.passerelle.erp.avantage.codec.MainTcpCodec;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** The open MainTCP transports, one per Avantage connection, and probes for connection tests. */
@Component
public class AvantageTransports extends ConnectionTransports<AvantageTransport> {

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ObjectMapper mapper;
    private final AvantageProperties properties;

    public AvantageTransports(CamelContext camel, ProducerTemplate producer, ObjectMapper mapper, AvantageProperties properties) {
        super("avantage-transport", "avantage-probe");
        this.camel = camel;
        this.producer = producer;
        this.mapper = mapper;
        this.properties = properties;
    }

    public AvantageSession session(Connection connection, AvantageTransport transport) {
        return new AvantageSession(transport, mapper, connection.credential("user"), connection.credential("password"),
                properties.busyMaxAttempts());
    }

    @Override
    protected AvantageTransport open(String routeId, Connection connection, Endpoint endpoint) {
        MainTcpCodec codec = new MainTcpCodec(connection.credential("encryptionKey"), mapper,
                properties.greetingTimeout().toMillis());
        return AvantageTransport.open(camel, producer, routeId, AvantageAddress.parse(endpoint.url()), codec, properties);
    }
}
