package io.passerelle.connection;

import io.passerelle.routes.RouteFileListener;
import io.passerelle.routes.RouteFiles;
import io.passerelle.run.RouteTemplates;
import io.passerelle.schedule.ScheduleSource;
import io.passerelle.schedule.ScheduleTriggers;
import io.passerelle.schedule.SchedulesProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.quartz.TriggerKey;
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
 *
 * <p>With the clustered store ({@code passerelle.schedules.store=jdbc}) a schedule removed here is also deleted from
 * the database's triggers ({@link ScheduleTriggers}), and {@link #reconcile} applies what another instance changed.
 */
@Component
public class ScheduleRoutes implements RouteFileListener, ScheduleSource {

    public static final String SYNC_SCHEDULE = "schedules/sync-schedule" + RouteFiles.SUFFIX;
    public static final String EXPORT_SCHEDULE = "schedules/export-schedule" + RouteFiles.SUFFIX;

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRoutes.class);

    private final CamelContext camel;
    private final ConnectionDirectory connections;
    private final ErpConnectors connectors;
    private final RouteFiles files;
    private final ConnectionLinks links;
    private final ScheduleState state;
    private final SchedulesProperties properties;
    private final Map<String, Set<String>> routesByConnection = new ConcurrentHashMap<>();
    /** The schedules each connection has running here (none while unlinked), as {@link ScheduleState} reads them. */
    private final Map<String, Map<String, String>> running = new ConcurrentHashMap<>();

    ScheduleRoutes(CamelContext camel, ConnectionDirectory connections, ErpConnectors connectors, RouteFiles files,
            ConnectionLinks links, ScheduleState state, SchedulesProperties properties) {
        this.camel = camel;
        this.connections = connections;
        this.connectors = connectors;
        this.files = files;
        this.links = links;
        this.state = state;
        this.properties = properties;
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
    public synchronized void onConnectionChanged(ConnectionChanged change) {
        Set<TriggerKey> removed = unschedule(change.connectionId());
        if (!change.deleted()) {
            schedule(change.connection());
        }
        ScheduleTriggers.deleteUnheld(camel, removed);
    }

    /**
     * Remakes the schedules of the connections whose stored schedules (or unlinked state) differ from those running
     * here, removes those of connections gone, then deletes the connections' triggers in {@code stored} that no route
     * holds.
     */
    @Override
    public synchronized void reconcile(Set<TriggerKey> stored) {
        Map<String, Map<String, String>> wanted = state.running();
        Set<String> ids = new HashSet<>(wanted.keySet());
        ids.addAll(running.keySet());
        Set<TriggerKey> removed = new HashSet<>();
        for (String id : ids) {
            Map<String, String> want = wanted.getOrDefault(id, Map.of());
            if (want.equals(running.getOrDefault(id, Map.of()))) {
                continue;
            }
            LOG.info("connection {}: schedules changed in the database, remade here", id);
            removed.addAll(unschedule(id));
            if (wanted.containsKey(id)) {
                connections.find(id).ifPresent(this::schedule);
            }
        }
        removed.addAll(stored.stream().filter(ScheduleTriggers::isConnectionTrigger).toList());
        ScheduleTriggers.deleteUnheld(camel, removed);
    }

    /** Route ids of the connection's schedules, for operators and tests. */
    public Set<String> routeIds(String connectionId) {
        return routesByConnection.getOrDefault(connectionId, Set.of());
    }

    /** Remakes the connection's schedule routes; a trigger that it no longer has is deleted (clustered store). */
    private synchronized void schedule(Connection connection) {
        Set<TriggerKey> removed = unschedule(connection.id());
        scheduleRoutes(connection);
        ScheduleTriggers.deleteUnheld(camel, removed);
    }

    private void scheduleRoutes(Connection connection) {
        if (!connection.schedules().isEmpty() && links.unlinked(connection.id())) {
            LOG.info("connection {}: unlinked, its {} schedule(s) wait until it is linked again", connection.id(),
                    connection.schedules().size());
            running.put(connection.id(), Map.of());
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
                    .parameter("cron", cron)
                    .parameter("misfireInstruction", String.valueOf(properties.misfire().instruction())));
            ScheduleTriggers.storeEndpoint(camel, routeId);
            ids.add(routeId);
        });
        routesByConnection.put(connection.id(), ids);
        running.put(connection.id(), Map.copyOf(connection.schedules()));
        LOG.info("connection {}: {} schedule(s) active", connection.id(), ids.size());
    }

    /** Outbound flows have their own template: their trigger starts an export, not a sync. */
    private String templateFor(String erp, String flow) {
        boolean outbound = connectors.find(erp).map(c -> c.outboundFlows().contains(flow)).orElse(false);
        return files.template(outbound ? EXPORT_SCHEDULE : SYNC_SCHEDULE);
    }

    /** Removes the connection's schedule routes and answers their triggers' keys. */
    private synchronized Set<TriggerKey> unschedule(String connectionId) {
        running.remove(connectionId);
        Set<String> ids = routesByConnection.remove(connectionId);
        if (ids == null) {
            return Set.of();
        }
        List<TriggerKey> keys = new ArrayList<>();
        for (String routeId : ids) {
            try {
                ScheduleTriggers.removeRoute(camel, routeId).ifPresent(keys::add);
            } catch (IllegalStateException e) {
                LOG.error("connection {}: could not remove schedule route {}: {}", connectionId, routeId, e.getMessage());
            }
        }
        return Set.copyOf(keys);
    }
}
