package io.passerelle.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.api.ApiClient;
import io.passerelle.api.ApiTestSupport.Response;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sync.SyncLauncher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * SIGTERM's first step, in a context of its own (it stops taking runs for good): a sync going on writes the page it
 * has, then ends INTERRUPTED with its counts, not FAILED nor cut mid-page; the next start is refused in words, a 503
 * through the API. Pages of 50 employees from an Avantage that answers slowly, so that the stop lands mid-run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"passerelle.sync.page-size=50", "passerelle.instance.drain-timeout=30s"})
@ActiveProfiles({"sandbox", "test"})
@DirtiesContext
class GracefulStopTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    GracefulStop stop;
    @Autowired
    SyncLauncher launcher;
    @Autowired
    RunStore runs;
    @Autowired
    AvantageSimulator avantage;

    @AfterEach
    void wellBehaved() {
        avantage.faults().reset();
    }

    @Test
    void aRunGoingOnEndsInterruptedAfterItsPageAndNoRunStartsAfterwards() {
        avantage.faults().delayResponses(Duration.ofMillis(300));
        long runId = launcher.start("sandbox-avantage", "employees", Trigger.API, SyncMode.FULL).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.find(runId).orElseThrow().counts().get("read") > 0);

        stop.drain();

        RunView interrupted = runs.find(runId).orElseThrow();
        assertThat(interrupted.status()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.message()).startsWith("interrupted: the instance stopped after writing its current page");
        int read = interrupted.counts().get("read");
        assertThat(read).as("whole pages, not all of them").isBetween(50, 250).matches(n -> n % 50 == 0);
        assertThat(interrupted.counts().get("created")).as("each page read was written").isEqualTo(read);

        assertThatThrownBy(() -> launcher.start("sandbox-avantage", "trades", Trigger.API, SyncMode.INCREMENTAL))
                .isInstanceOf(InstanceStoppingException.class).hasMessageContaining("is stopping");
        Response refused = new ApiClient(port, json).call("POST", "/api/connections/sandbox-avantage/sync/trades",
                "test-admin-token", null);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("30");
        assertThat(runs.search("sandbox-avantage", null, "RUNNING", 10)).as("nothing left going").isEmpty();
        assertThat(List.of(runs.find(runId).orElseThrow().finishedAt())).doesNotContainNull();
    }
}
