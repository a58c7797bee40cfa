package io.passerelle.connection;

import java.util.List;
import java.util.Set;

/**
 * What the ERP-neutral parts (API, validation, scheduling) need to know about one ERP. One bean per
 * ERP, in its {@code erp/<name>} package.
 */
public interface ErpConnector {

    /** The value of a connection's {@code erp} field, e.g. {@code avantage}. */
    String erp();

    /** Inbound flow names in the order {@code sync/all} runs them (dependencies first). */
    List<String> inboundFlows();

    /** Outbound flow names (e.g. {@code timesheets}); empty when the ERP only feeds the platform. */
    default List<String> outboundFlows() {
        return List.of();
    }

    /** Credential keys a connection must carry. */
    Set<String> requiredCredentials();

    /** Credential keys a connection may carry besides the required ones. */
    default Set<String> optionalCredentials() {
        return Set.of();
    }

    /** URL schemes the endpoints of this ERP use, e.g. {@code tcp} or {@code https}. */
    Set<String> endpointSchemes();

    /** Reaches the endpoint and says in words what failed. Never throws, never reveals a secret. */
    ConnectionTestResult test(Connection connection, Endpoint endpoint);
}
