package io.passerelle.connection;

import io.passerelle.routes.RouteFileListener;
import io.passerelle.routes.RouteFiles;
import io.passerelle.run.RouteTemplates;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One Quartz route per connection and scheduled flow, made from one of two templates whatever the ERP:
 * {@code routes/schedules/sync-schedule.camel.yaml} for inbound flows, {@code export-schedule.camel.yaml} for
 * outbound ones. Remade whenever the connection or the template's file changes: schedules take effect without a
 * restart. An unlinked connection ({@link ConnectionLinks}) has none until it is linked again; archived ones are not
 * among the connections at all.
 */
@Component
public class ScheduleRoutes implements RouteFileListener {

    public static final String SYNC_SCHEDULE = "schedules/sync-schedule" + RouteFiles.SUFFIX;
    public static final String EXPORT_SCHEDULE = "schedules/export-schedule" + RouteFiles.SUFFIX;

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRoutes.class);

    private final CamelContext camel;
    private final ConnectionDirectory connections;
    private final ErpConnectors connectors;
    private final RouteFiles files;
    private final ConnectionLinks links;
    private final Map<String, Set<String>> routesByConnection = new ConcurrentHashMap<>();

    public ScheduleRoutes(CamelContext camel, ConnectionDirectory connections, ErpConnectors connectors, RouteFiles files,
            ConnectionLinks links) {
        this.camel = camel;
        this.connections = connections;
        this.connectors = connectors;
        this.files = files;
        this.links = links;
    }

    /** Both templates are loaded at start: a missing or broken one stops the start, naming the file. */
    @jakarta.annotation.PostConstruct
    void loadTemplates() {
        files.template(SYNC_SCHEDULE);
        files.template(EXPORT_SCHEDULE);
    }

    /** A schedule template changed: every schedule is remade from it (a failure refuses the new version). */
    @Override
    public synchronized void routeFileChanged(String templateId) {
        if (templateId.equals(RouteFiles.templateId(SYNC_SCHEDULE)) || templateId.equals(RouteFiles.templateId(EXPORT_SCHEDULE))) {
            connections.all().forEach(this::schedule);
        }
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
        if (!connection.schedules().isEmpty() && links.unlinked(connection.id())) {
            LOG.info("connection {}: unlinked, its {} schedule(s) wait until it is linked again", connection.id(),
                    connection.schedules().size());
            return;
        }
        Set<String> ids = ConcurrentHashMap.newKeySet();
        connection.schedules().forEach((flow, cron) -> {
            String template = templateFor(connection.erp(), flow);
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
        return files.template(outbound ? EXPORT_SCHEDULE : SYNC_SCHEDULE);
    }

    private synchronized void unschedule(String connectionId) {
        Set<String> ids = routesByConnection.remove(connectionId);
        if (ids == null) {
            return;
        }
        for (String routeId : ids) {
            try {
                RouteTemplates.remove(camel, routeId);
            } catch (IllegalStateException e) {
                LOG.error("connection {}: could not remove schedule route {}: {}", connectionId, routeId, e.getMessage());
            }
        }
    }
}
