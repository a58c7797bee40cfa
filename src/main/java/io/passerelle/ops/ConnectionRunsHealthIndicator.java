package io.passerelle.ops;

import io.passerelle.connection.ConnectionLinks;
import io.passerelle.connection.LinkState;
import io.passerelle.run.SqlFiles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The last finished run of every connection and flow, under {@code /actuator/health} as {@code connectionRuns},
 * read from the run table at each call: a restart forgets nothing. A connection whose last run of any flow FAILED
 * is {@link #DEGRADED}, and so is this indicator; a PARTIAL run (some records refused) is not, its errors are
 * the run's. DEGRADED, not DOWN, and answered 200: an unreachable customer ERP must not get this instance taken
 * out of a load balancer or restarted. Operators alert on it, or on {@code passerelle_runs_total{status="FAILED"}}.
 * A connection whose link to its ERP's company FAILED ({@link ConnectionLinks}) is DEGRADED too, its {@code link}
 * saying why, whether or not it has runs.
 * <p>
 * Connection ids, run ids and messages are details: {@code management.endpoint.health.show-details} shows them
 * only to callers with an API token.
 */
@Component("connectionRuns")
public class ConnectionRunsHealthIndicator extends AbstractHealthIndicator {

    /**
     * Ranked between OUT_OF_SERVICE and UP ({@code management.endpoint.health.status.order}). No description: it
     * would show to anonymous callers too, who get the status alone.
     */
    public static final Status DEGRADED = new Status("DEGRADED");

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final ConnectionLinks links;

    public ConnectionRunsHealthIndicator(NamedParameterJdbcTemplate jdbc, SqlFiles sql, ConnectionLinks links) {
        super("connection runs could not be read");
        this.jdbc = jdbc;
        this.sql = sql;
        this.links = links;
    }

    private record LastRun(String connection, String flow, long id, String status, Timestamp finishedAt,
            String message) {

        boolean failed() {
            return "FAILED".equals(status);
        }

        Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("runId", id);
            details.put("status", status);
            details.put("finishedAt", finishedAt.toInstant().toString());
            if (message != null) {
                details.put("message", message);
            }
            return details;
        }
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, List<LastRun>> byConnection = jdbc.query(sql.get("sql/ops/last-finished-runs.sql"), Map.of(),
                        ConnectionRunsHealthIndicator::lastRun)
                .stream().collect(Collectors.groupingBy(LastRun::connection, LinkedHashMap::new, Collectors.toList()));
        Map<String, Map<String, Object>> connections = new LinkedHashMap<>();
        long failing = 0;
        for (Map.Entry<String, List<LastRun>> connection : byConnection.entrySet()) {
            Map<String, Object> flows = new LinkedHashMap<>();
            connection.getValue().forEach(run -> flows.put(run.flow(), run.details()));
            long failed = connection.getValue().stream().filter(LastRun::failed).count();
            failing += failed;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", (failed > 0 ? DEGRADED : Status.UP).getCode());
            details.put("flows", flows);
            connections.put(connection.getKey(), details);
        }
        Map<String, LinkState> failedLinks = links.failed();
        failedLinks.forEach((connection, link) -> {
            Map<String, Object> details = connections.computeIfAbsent(connection, id -> new LinkedHashMap<>());
            details.put("status", DEGRADED.getCode());
            Map<String, Object> linkDetails = new LinkedHashMap<>();
            linkDetails.put("status", link.status().name());
            linkDetails.put("message", link.message());
            linkDetails.put("checkedAt", link.checkedAt() == null ? null : link.checkedAt().toString());
            details.put("link", linkDetails);
        });
        builder.status(failing > 0 || !failedLinks.isEmpty() ? DEGRADED : Status.UP)
                .withDetail("failingFlows", failing)
                .withDetail("failingLinks", failedLinks.size())
                .withDetail("connections", connections);
    }

    private static LastRun lastRun(ResultSet rs, int row) throws SQLException {
        return new LastRun(rs.getString("connection_id"), rs.getString("flow"), rs.getLong("id"),
                rs.getString("status"), rs.getTimestamp("finished_at"), rs.getString("message"));
    }
}
