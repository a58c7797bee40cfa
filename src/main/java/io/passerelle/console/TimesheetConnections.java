package io.passerelle.console;

import java.util.List;

import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.ErpConnector;
import io.passerelle.connection.ErpConnectors;
import org.springframework.stereotype.Component;

/**
 * Which connections send timesheets to their ERP: those whose ERP module declares the {@code timesheets} outbound flow
 * ({@link ErpConnector#outboundFlows()}). Only they have code maps to edit and a Payroll export. Public, and named,
 * for the templates: {@code ${@timesheetConnections.exportsTimesheets(connection)}}.
 */
@Component("timesheetConnections")
public class TimesheetConnections {

    static final String FLOW = "timesheets";

    private final ConnectionService connections;
    private final ErpConnectors erps;

    TimesheetConnections(ConnectionService connections, ErpConnectors erps) {
        this.connections = connections;
        this.erps = erps;
    }

    public boolean exportsTimesheets(Connection connection) {
        return connection != null && erps.find(connection.erp())
                .map(erp -> erp.outboundFlows().contains(FLOW)).orElse(false);
    }

    /** The live connections that export timesheets, in the order the Connections page lists them. */
    List<Connection> all() {
        return connections.list().stream().filter(this::exportsTimesheets).toList();
    }
}
