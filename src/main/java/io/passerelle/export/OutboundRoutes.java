package io.passerelle.export;

import io.passerelle.connection.Connection;
import io.passerelle.routes.ConnectionRoutes;
import io.passerelle.routes.RouteFileException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The outbound flows of each connection, made from their route files ({@code routes/<erp>/<flow>.camel.yaml}, or the
 * connection's own in {@code options.routes.<flow>}): one route per connection and flow that each export run goes
 * through, and the file's {@code batchSize}, bounded by what the ERP takes in one call.
 */
@Component
public class OutboundRoutes {

    private final ConnectionRoutes routes;

    public OutboundRoutes(ConnectionRoutes routes) {
        this.routes = routes;
    }

    /** What the file makes of one connection's flow: the route its runs go through, and items per batch. */
    public record OutboundRoute(String run, int batchSize) {
    }

    /** @throws RouteFileException when the flow's file is missing, does not parse, or its parameters are wrong */
    public OutboundRoute resolve(Connection connection, OutboundFlow<?, ?> flow) {
        return routes.resolve("flow-" + connection.id() + "-" + flow.name(), connection.id(), connection,
                connection.routeFileFor(flow.name()), "run",
                (parameters, run) -> compile(parameters, flow, run));
    }

    /** Checks a file as the flow's route file, making nothing. */
    public void check(String file, OutboundFlow<?, ?> flow) {
        routes.check(file, (parameters, run) -> compile(parameters, flow, run));
    }

    private static OutboundRoute compile(Map<String, String> parameters, OutboundFlow<?, ?> flow, String run) {
        int most = flow.sink().batchSize();
        String value = parameters.get("batchSize");
        if (value == null || value.isBlank()) {
            return new OutboundRoute(run, most);
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= most) {
                return new OutboundRoute(run, size);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("batchSize must be a whole number from 1 to " + most + " (what " + flow.erp()
                + " takes in one call for " + flow.name() + "), was '" + value + "'");
    }
}
