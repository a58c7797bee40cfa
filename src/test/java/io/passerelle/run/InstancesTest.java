package io.passerelle.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.SandboxApiTest;
import io.passerelle.api.ApiClient;
import io.passerelle.api.ApiTestSupport.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Instances on one database, played by rows of another instance beside this one's: a run claimed by a live instance
 * is a 409 here, whether it is a sync or an export, and one by an instance that stopped heart-beating is closed FAILED
 * in words with its claims freed, after which the flow runs here.
 */
@SandboxApiTest
class InstancesTest {

    static final String ADMIN = "test-admin-token";
    static final String OTHER = "other-host:/srv/passerelle/data";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Instances instances;
    @Autowired
    Instance instance;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, json);
    }

    @AfterEach
    void otherGone() {
        jdbc.update("delete from run_claim where instance_id = ?", OTHER);
        jdbc.update("delete from passerelle_instance where id = ?", OTHER);
    }

    private void otherInstance(Instant heartbeat) {
        jdbc.update("insert into passerelle_instance (id, started_at, heartbeat_at, stopping) values (?, ?, ?, false)",
                OTHER, utc(heartbeat.minusSeconds(600)), utc(heartbeat));
    }

    private void otherClaims(String key, String connection, String kind) {
        jdbc.update("insert into run_claim (claim_key, connection_id, kind, instance_id, claimed_at) "
                + "values (?, ?, ?, ?, ?)", key, connection, kind, OTHER, utc(Instant.now()));
    }

    @Test
    void thisInstanceIsRegisteredAndHeartBeats() {
        OffsetDateTime heartbeat = jdbc.queryForObject("select heartbeat_at from passerelle_instance where id = ?",
                OffsetDateTime.class, instance.id());
        assertThat(heartbeat.toInstant()).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
    }

    @Test
    void aFlowRunningOnAnotherLiveInstanceIsA409Here() {
        otherInstance(Instant.now());
        otherClaims("flow:sandbox-avantage/trades", "sandbox-avantage", "FLOW");

        Response refused = api.call("POST", "/api/connections/sandbox-avantage/sync/trades", ADMIN, null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("a run of flow 'trades' is already going");
    }

    @Test
    void anExportOfAConnectionExportingOnAnotherInstanceIsA409Here() {
        otherInstance(Instant.now());
        otherClaims("exports:sandbox-avantage", "sandbox-avantage", "EXPORTS");

        Response refused = api.call("POST", "/api/connections/sandbox-avantage/export/timesheets", ADMIN, null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("running on instance " + OTHER);
    }

    @Test
    void theRunsOfAnInstanceThatStoppedHeartBeatingAreClosedAndItsClaimsFreed() {
        otherInstance(Instant.now().minus(Duration.ofMinutes(5)));
        otherClaims("flow:sandbox-avantage/earnings", "sandbox-avantage", "FLOW");
        jdbc.update("insert into sync_run (connection_id, flow, direction, trigger_type, mode, started_at, status, "
                + "count_read, instance_id) values ('sandbox-avantage', 'earnings', 'IN', 'SCHEDULE', 'INCREMENTAL', ?, "
                + "'RUNNING', 4, ?)", utc(Instant.now().minus(Duration.ofMinutes(6))), OTHER);
        long orphan = jdbc.queryForObject("select max(id) from sync_run where instance_id = ?", Long.class, OTHER);

        instances.closeDead();

        assertThat(jdbc.queryForObject("select status from sync_run where id = ?", String.class, orphan))
                .isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("select message from sync_run where id = ?", String.class, orphan))
                .startsWith("interrupted: instance " + OTHER + " stopped (no heartbeat since ");
        assertThat(jdbc.queryForObject("select count_read from sync_run where id = ?", Integer.class, orphan))
                .as("its counts stay").isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from run_claim where instance_id = ?", Integer.class, OTHER))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from passerelle_instance where id = ?", Integer.class, OTHER))
                .isZero();
        Response run = api.call("POST", "/api/connections/sandbox-avantage/sync/earnings?wait=true", ADMIN, null);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.node().path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theRunsOfAnotherLiveInstanceAreLeftAloneAtStartUp(@Autowired RunStore runs) {
        otherInstance(Instant.now());
        jdbc.update("insert into sync_run (connection_id, flow, direction, trigger_type, mode, started_at, status, "
                + "instance_id) values ('sandbox-avantage', 'hourTypes', 'IN', 'SCHEDULE', 'INCREMENTAL', ?, "
                + "'RUNNING', ?)", utc(Instant.now()), OTHER);
        long going = jdbc.queryForObject("select max(id) from sync_run where instance_id = ?", Long.class, OTHER);

        runs.abandonRunning();

        assertThat(jdbc.queryForObject("select status from sync_run where id = ?", String.class, going))
                .as("going on on the other instance").isEqualTo("RUNNING");
        jdbc.update("update sync_run set status = 'FAILED', finished_at = ? where id = ?", utc(Instant.now()), going);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
