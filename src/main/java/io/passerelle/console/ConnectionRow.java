package io.passerelle.console;

import java.util.List;

import io.passerelle.connection.Connection;

/** A line of the Connections page: the connection as the API lists it, and each inbound flow's last run. */
public record ConnectionRow(String id, String erp, String companyCode, String companyName, String owner,
        List<FlowRun> flows) {

    static ConnectionRow of(Connection connection, List<FlowRun> flows) {
        return new ConnectionRow(connection.id(), connection.erp(), connection.company().code(),
                connection.company().name(), connection.owner(), List.copyOf(flows));
    }
}
