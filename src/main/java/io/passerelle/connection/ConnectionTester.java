package io.passerelle.connection;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Asks the connection's ERP connector whether an endpoint answers, and how. */
@Service
public class ConnectionTester {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTester.class);

    private final ConnectionService connections;
    private final ErpConnectors connectors;

    public ConnectionTester(ConnectionService connections, ErpConnectors connectors) {
        this.connections = connections;
        this.connectors = connectors;
    }

    /** Tests the named endpoint, or the default one when {@code endpointName} is null or blank. */
    public ConnectionTestResult test(String connectionId, String endpointName) {
        Connection connection = connections.get(connectionId);
        Endpoint endpoint = connection.endpoint(endpointName)
                .orElseThrow(() -> new EndpointNotFoundException(connectionId, endpointName));
        ErpConnector connector = connectors.require(connection.erp());
        try {
            return connector.test(connection, endpoint);
        } catch (RuntimeException e) {
            // connectors promise not to throw; if one does, the caller still gets an answer in words
            log.warn("Connection test of {} ({}) failed unexpectedly: {}", connectionId, endpoint.name(),
                    e.getClass().getSimpleName());
            return new ConnectionTestResult(false, endpoint.name(), "the test failed unexpectedly; see the server log",
                    Map.of());
        }
    }
}
