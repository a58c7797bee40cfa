package io.passerelle.connection;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Asks the connection's ERP connector whether an endpoint answers, and how. For an ERP whose connections are linked
 * to one company of its own, the answer is also the link's ({@link ConnectionLinks}).
 */
@Service
public class ConnectionTester {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTester.class);

    private final ConnectionService connections;
    private final ErpConnectors connectors;
    private final ConnectionLinks links;

    public ConnectionTester(ConnectionService connections, ErpConnectors connectors, ConnectionLinks links) {
        this.connections = connections;
        this.connectors = connectors;
        this.links = links;
    }

    /** A link's test: the link as it stands after it, and the test's answer. */
    public record LinkTest(ConnectionLink link, ConnectionTestResult test) {
    }

    /** Tests the named endpoint, or the default one when {@code endpointName} is null or blank. */
    public ConnectionTestResult test(String connectionId, String endpointName) {
        Connection connection = connections.get(connectionId);
        ConnectionTestResult result = test(connection, endpointName);
        links.tested(connection, result);
        return result;
    }

    /**
     * Tests the connection and links it when the test passes; when it does not, the link is FAILED and says why.
     * Either way an unlink is over: its schedules run again.
     *
     * @throws NoLinkException when its ERP has no link
     */
    public LinkTest link(String connectionId, String endpointName) {
        Connection connection = connections.get(connectionId);
        links.requireLinkable(connection);
        ConnectionTestResult result = test(connection, endpointName);
        return new LinkTest(links.linked(connection, result), result);
    }

    private ConnectionTestResult test(Connection connection, String endpointName) {
        Endpoint endpoint = connection.endpoint(endpointName)
                .orElseThrow(() -> new EndpointNotFoundException(connection.id(), endpointName));
        ErpConnector connector = connectors.require(connection.erp());
        try {
            return connector.test(connection, endpoint);
        } catch (RuntimeException e) {
            // connectors promise not to throw; if one does, the caller still gets an answer in words
            log.warn("Connection test of {} ({}) failed unexpectedly: {}", connection.id(), endpoint.name(),
                    e.getClass().getSimpleName());
            return new ConnectionTestResult(false, endpoint.name(), "the test failed unexpectedly; see the server log",
                    Map.of());
        }
    }
}
