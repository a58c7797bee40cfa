package io.passerelle.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.SandboxTest;
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

    @Test
    void theSchedulesAreInCamelQuartzsOwnMemoryStore() throws Exception {
        Scheduler scheduler = camel.getComponent("quartz", QuartzComponent.class).getScheduler();

        assertThat(scheduler.getMetaData().getJobStoreClass()).isEqualTo(RAMJobStore.class);
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isFalse();
        assertThat(context.getBeansOfType(ClusteredScheduler.class)).isEmpty();
        assertThat(context.getBeansOfType(SchedulePoller.class)).isEmpty();
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(new TriggerKey("projects", "passerelle-sandbox-avantage"));
        assertThat(trigger).as("the sandbox connection's projects schedule").isNotNull();
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
    }
}
