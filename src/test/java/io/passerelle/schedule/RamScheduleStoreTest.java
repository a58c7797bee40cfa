package io.passerelle.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.SandboxTest;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionDocument.CompanyDocument;
import io.passerelle.connection.ConnectionDocument.EndpointDocument;
import io.passerelle.connection.ConnectionService;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.simpl.RAMJobStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * With the default {@code passerelle.schedules.store=ram} on H2 the schedules are as they always were: camel-quartz's
 * own in-memory scheduler, no clustered one, no poll; the triggers carry the misfire policy (run-once by default).
 * That they fire and follow a change is {@code connection.ScheduleRoutesTest}'s.
 */
@SandboxTest
class RamScheduleStoreTest {

    @Autowired
    CamelContext camel;
    @Autowired
    ApplicationContext context;
    @Autowired
    ConnectionService connections;

    @Test
    void theSchedulesAreInCamelQuartzsOwnMemoryStore() throws Exception {
        Scheduler scheduler = camel.getComponent("quartz", QuartzComponent.class).getScheduler();

        assertThat(scheduler.getMetaData().getJobStoreClass()).isEqualTo(RAMJobStore.class);
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isFalse();
        assertThat(context.getBeansOfType(ClusteredScheduler.class)).isEmpty();
        assertThat(context.getBeansOfType(SchedulePoller.class)).isEmpty();
        // a connection of its own: the context's other tests change the sandbox connections' schedules
        String id = "ram-schedules-" + UUID.randomUUID().toString().substring(0, 8);
        connections.create(new ConnectionDocument(id, new CompanyDocument("RAMSCHED", "Ram Schedules inc."),
                "avantage", List.of(new EndpointDocument("main", "tcp://127.0.0.1:1", true)),
                Map.of("user", "u", "password", "p"), Map.of("projects", "0 0 3 * * ?"), Map.of(), null, false));
        try {
            TriggerKey key = new TriggerKey("projects", "passerelle-" + id);
            await().atMost(Duration.ofSeconds(20)).until(() -> scheduler.getTrigger(key) != null);
            CronTrigger trigger = (CronTrigger) scheduler.getTrigger(key);
            assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        } finally {
            connections.delete(id, "test"); // it has no history: gone
        }
    }
}
