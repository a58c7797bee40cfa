package io.passerelle.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.SandboxTest;
import io.passerelle.run.RunHistory;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/** Schedules are data: changing a connection's schedules remakes its Quartz routes, no restart. */
@SandboxTest
@DirtiesContext
class ScheduleRoutesTest {

    static final String CONNECTION = "sandbox-avantage";

    @Autowired
    ConnectionService connections;
    @Autowired
    ScheduleRoutes schedules;
    @Autowired
    CamelContext camel;
    @Autowired
    RunHistory history;

    @Test
    void theBootstrappedSchedulesRunAndAChangeTakesEffectAtOnce() {
        assertThat(schedules.routeIds(CONNECTION)).hasSize(6)
                .allSatisfy(routeId -> assertThat(camel.getRoute(routeId)).isNotNull());

        connections.update(CONNECTION, documentWithSchedules(Map.of("hourTypes", "* * * * * ?")));

        assertThat(schedules.routeIds(CONNECTION)).containsExactly("schedule-" + CONNECTION + "-hourTypes");
        assertThat(camel.getRoute("schedule-" + CONNECTION + "-employees")).as("old schedule removed").isNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(history.search(CONNECTION, "hourTypes", "SUCCEEDED", 10))
                        .anySatisfy(run -> assertThat(run.trigger()).isEqualTo("SCHEDULE")));

        connections.update(CONNECTION, documentWithSchedules(Map.of()));
        assertThat(schedules.routeIds(CONNECTION)).isEmpty();
        assertThat(camel.getRoute("schedule-" + CONNECTION + "-hourTypes")).isNull();
    }

    private ConnectionDocument documentWithSchedules(Map<String, String> cron) {
        Connection current = connections.get(CONNECTION);
        return new ConnectionDocument(current.id(),
                new ConnectionDocument.CompanyDocument(current.company().code(), current.company().name()),
                current.erp(),
                current.endpoints().stream()
                        .map(e -> new ConnectionDocument.EndpointDocument(e.name(), e.url(), e.isDefault())).toList(),
                current.credentials().keySet().stream().collect(Collectors.toMap(key -> key, key -> "****")),
                cron, current.options(), current.owner(), current.allowOthersToEdit());
    }
}
