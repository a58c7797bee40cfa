package io.passerelle.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionChanged;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.export.OutboundFlows;
import io.passerelle.run.RunFinished;
import io.passerelle.run.SqlFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code passerelle.export.items.in.doubt{connection, kind}}: items put on the wire whose answer is not recorded
 * (export_item SENT or UNKNOWN, and the first-time items of batches on the wire), read from the database, so a
 * restart forgets none. The counts are read at most once per {@code passerelle.metrics.in-doubt-max-age} (two
 * small queries on an index), and again as soon as an export run finishes.
 * <p>
 * There is one series per connection and export kind of its ERP, from start (0 when nothing is in doubt), so that
 * an alert on {@code > 0} has a series to watch before the first loss; and one for any other pair that has items
 * in doubt (a connection deleted since).
 */
@Component
public class InDoubtItemsMetrics {

    static final String NAME = "passerelle.export.items.in.doubt";

    private record Key(String connection, String kind) {
    }

    private record Snapshot(long takenAt, Map<Key, Long> counts) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final ConnectionDirectory connections;
    private final Map<String, List<String>> kindsByErp = new HashMap<>();
    private final long maxAgeNanos;
    private final Set<Key> registered = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot;

    public InDoubtItemsMetrics(NamedParameterJdbcTemplate jdbc, SqlFiles sql, ObjectMapper json, MeterRegistry registry,
            ConnectionDirectory connections, OutboundFlows flows,
            @Value("${passerelle.metrics.in-doubt-max-age:5s}") Duration maxAge) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.json = json;
        this.registry = registry;
        this.connections = connections;
        flows.all().forEach(flow -> kindsByErp.computeIfAbsent(flow.erp(), erp -> new ArrayList<>())
                .add(flow.source().kind()));
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** After the bootstrap, and after start-up turned batches a stopped process left into SENT items. */
    @EventListener(ApplicationReadyEvent.class)
    public void registerKnownConnections() {
        connections.all().forEach(this::register);
        refresh();
    }

    @EventListener
    public void onConnectionChanged(ConnectionChanged change) {
        if (!change.deleted()) {
            register(change.connection());
        }
    }

    /** An export run is what puts items in doubt and takes them out: show its outcome at once. */
    @EventListener
    public void onRunFinished(RunFinished finished) {
        if ("OUT".equals(finished.run().direction())) {
            refresh();
        }
    }

    private void register(Connection connection) {
        kindsByErp.getOrDefault(connection.erp(), List.of()).forEach(kind -> register(new Key(connection.id(), kind)));
    }

    private void register(Key key) {
        if (registered.add(key)) {
            Gauge.builder(NAME, () -> current().getOrDefault(key, 0L))
                    .description("Export items sent whose answer is not recorded (SENT, UNKNOWN, or in a batch on"
                            + " the wire); the next run asks the ERP about them before sending any again")
                    .tags("connection", key.connection(), "kind", key.kind())
                    .strongReference(true)
                    .register(registry);
        }
    }

    private Map<Key, Long> current() {
        Snapshot taken = snapshot;
        if (taken == null || System.nanoTime() - taken.takenAt() > maxAgeNanos) {
            return refresh();
        }
        return taken.counts();
    }

    private synchronized Map<Key, Long> refresh() {
        Map<Key, Long> counts = new HashMap<>();
        jdbc.query(sql.get("sql/ops/in-doubt-items.sql"), Map.of(), rs -> {
            counts.merge(new Key(rs.getString("connection_id"), rs.getString("kind")), rs.getLong("items"), Long::sum);
        });
        jdbc.query(sql.get("sql/ops/in-doubt-batches.sql"), Map.of(), rs -> {
            counts.merge(new Key(rs.getString("connection_id"), rs.getString("kind")), itemsOf(rs.getString("items")),
                    Long::sum);
        });
        snapshot = new Snapshot(System.nanoTime(), Map.copyOf(counts));
        counts.keySet().forEach(this::register);
        return snapshot.counts();
    }

    /** A batch lists its items as a JSON array of [sourceId, idempotencyKey] pairs. */
    private long itemsOf(String items) {
        try {
            return json.readTree(items).size();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export_batch row does not list its items as JSON", e);
        }
    }
}
