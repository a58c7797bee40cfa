package io.passerelle.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.api.ApiTestSupport;
import io.passerelle.connection.ConnectionLinks;
import io.passerelle.run.SqlFiles;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Health reads the stored runs, so a new instance (a restart) knows the failures of the old one; and only a caller
 * with a token sees which connection failed and why. The runs are rows written here, as a previous process would
 * have left them, for the bootstrapped connection {@code boot-acumatica}.
 */
class ConnectionRunsHealthTest extends ApiTestSupport {

    static final String CONNECTION = "boot-acumatica";
    static final String WORDS = "Acumatica refused the login: user or password rejected";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    SqlFiles sql;
    @Autowired
    ConnectionLinks links;

    final List<Long> written = new ArrayList<>();

    @AfterEach
    void forgetTheRuns() {
        written.forEach(id -> jdbc.update("delete from sync_run where id = ?", id));
    }

    @Test
    void aNewInstanceReadsTheLastFinishedRunOfEachFlowFromTheDatabase() {
        storedRun("employees", "SUCCEEDED", null);
        long failed = storedRun("employees", "FAILED", WORDS);
        long projects = storedRun("projects", "SUCCEEDED", null);
        storedRun("employees", "RUNNING", null); // going now: the failure stands until a run finishes

        Health health = new ConnectionRunsHealthIndicator(named, sql, links).health();

        assertThat(health.getStatus()).isEqualTo(ConnectionRunsHealthIndicator.DEGRADED);
        JsonNode connection = json.valueToTree(health.getDetails()).path("connections").path(CONNECTION);
        assertThat(connection.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(connection.path("flows").path("employees").path("runId").asLong()).isEqualTo(failed);
        assertThat(connection.path("flows").path("employees").path("status").asText()).isEqualTo("FAILED");
        assertThat(connection.path("flows").path("employees").path("message").asText()).isEqualTo(WORDS);
        assertThat(connection.path("flows").path("projects").path("runId").asLong()).isEqualTo(projects);
        assertThat(json.valueToTree(health.getDetails()).path("failingFlows").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aLaterSuccessClearsTheFailure() {
        storedRun("employees", "FAILED", WORDS);
        long succeeded = storedRun("employees", "SUCCEEDED", null);

        Health health = new ConnectionRunsHealthIndicator(named, sql, links).health();

        JsonNode connection = json.valueToTree(health.getDetails()).path("connections").path(CONNECTION);
        assertThat(connection.path("status").asText()).isEqualTo("UP");
        assertThat(connection.path("flows").path("employees").path("runId").asLong()).isEqualTo(succeeded);
    }

    @Test
    void anonymousCallersGetTheStatusAloneAndATokenShowsTheDetail() {
        storedRun("employees", "FAILED", WORDS);

        for (String anonymous : new String[] {null, "not-a-token"}) {
            Response health = call("GET", "/actuator/health", anonymous);
            assertThat(health.status()).as("degraded is still a 200").isEqualTo(200);
            assertThat(health.node().path("status").asText()).isEqualTo("DEGRADED");
            // "groups" names the probes (liveness, readiness): Spring Boot lists them at the root for anyone
            assertThat(names(health.node())).containsExactlyInAnyOrder("status", "groups");
            assertThat(health.body()).doesNotContain(CONNECTION).doesNotContain("refused").doesNotContain("path");
            Response component = call("GET", "/actuator/health/connectionRuns", anonymous);
            assertThat(component.body()).doesNotContain(CONNECTION).doesNotContain("refused");
        }

        Response viewer = call("GET", "/actuator/health", VIEWER);
        assertThat(viewer.status()).isEqualTo(200);
        JsonNode runs = viewer.node().path("components").path("connectionRuns");
        assertThat(runs.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(runs.path("details").path("connections").path(CONNECTION).path("flows").path("employees")
                .path("message").asText()).isEqualTo(WORDS);
        assertThat(viewer.node().path("components").has("diskSpace")).isTrue();
    }

    @Test
    void probesAreAnonymousAndIgnoreTheErps() {
        storedRun("employees", "FAILED", WORDS);

        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            Response answer = call("GET", probe, null);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.node().path("status").asText()).as(probe).isEqualTo("UP");
            assertThat(names(answer.node())).as(probe).containsExactly("status");
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private long storedRun(String flow, String status, String message) {
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        named.update("insert into sync_run (connection_id, flow, direction, trigger_type, mode, started_at, finished_at,"
                        + " status, message) values (:connection, :flow, 'IN', 'SCHEDULE', 'INCREMENTAL', :now, :finished,"
                        + " :status, :message)",
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(Map.of(
                        "connection", CONNECTION, "flow", flow, "now", now, "status", status))
                        .addValue("finished", "RUNNING".equals(status) ? null : now, java.sql.Types.TIMESTAMP)
                        .addValue("message", message, java.sql.Types.VARCHAR),
                key, new String[] {"id"});
        long id = key.getKey().longValue();
        written.add(id);
        return id;
    }
}
