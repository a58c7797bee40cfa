package io.passerelle.connection;

import io.passerelle.sync.RouteTemplates;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One Quartz route per connection and scheduled flow, made from the ERP's template
 * ({@code routes/<erp>/sync-schedule.camel.yaml}, template id {@code <erp>-sync-schedule}), and
 * remade whenever the connection changes: schedules take effect without a restart.
 */
@Component
public class ScheduleRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRoutes.class);

    private final CamelContext camel;
    private final ConnectionDirectory connections;
    private final ErpConnectors connectors;
    private final Map<String, Set<String>> routesByConnection = new ConcurrentHashMap<>();

    public ScheduleRoutes(CamelContext camel, ConnectionDirectory connections, ErpConnectors connectors) {
        this.camel = camel;
        this.connections = connections;
        this.connectors = connectors;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void scheduleStoredConnections() {
        connections.all().forEach(this::schedule);
    }

    @EventListener
    public void onConnectionChanged(ConnectionChanged change) {
        unschedule(change.connectionId());
        if (!change.deleted()) {
            schedule(change.connection());
        }
    }

    /** Route ids of the connection's schedules, for operators and tests. */
    public Set<String> routeIds(String connectionId) {
        return routesByConnection.getOrDefault(connectionId, Set.of());
    }

    private synchronized void schedule(Connection connection) {
        unschedule(connection.id());
        Set<String> ids = ConcurrentHashMap.newKeySet();
        connection.schedules().forEach((flow, cron) -> {
            String template = templateFor(connection.erp(), flow);
            if (model().getRouteTemplateDefinition(template) == null) {
                LOG.warn("connection {}: no route template {} for flow {}; that schedule is ignored",
                        connection.id(), template, flow);
                return;
            }
            String routeId = "schedule-" + connection.id() + "-" + flow;
            RouteTemplates.add(camel, TemplatedRouteBuilder.builder(camel, template)
                    .routeId(routeId)
                    .parameter("connectionId", connection.id())
                    .parameter("flow", flow)
                    .parameter("cron", cron));
            ids.add(routeId);
        });
        routesByConnection.put(connection.id(), ids);
        LOG.info("connection {}: {} schedule(s) active", connection.id(), ids.size());
    }

    /** Outbound flows have their own template: their trigger starts an export, not a sync. */
    private String templateFor(String erp, String flow) {
        boolean outbound = connectors.find(erp).map(c -> c.outboundFlows().contains(flow)).orElse(false);
        return erp + (outbound ? "-export-schedule" : "-sync-schedule");
    }

    private org.apache.camel.model.Model model() {
        return camel.getCamelContextExtension().getContextPlugin(org.apache.camel.model.Model.class);
    }

    private synchronized void unschedule(String connectionId) {
        Set<String> ids = routesByConnection.remove(connectionId);
        if (ids == null) {
            return;
        }
        for (String routeId : ids) {
            Route route = camel.getRoute(routeId);
            if (route == null) {
                continue;
            }
            try {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            } catch (Exception e) {
                LOG.error("connection {}: could not remove schedule route {}: {}", connectionId, routeId, e.getMessage());
            }
        }
    }
}
