package io.passerelle.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionService;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.CamelJob;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code passerelle.schedules.store=jdbc} on one instance, on H2 (V21's tables there too): the sandbox's schedules
 * are stored triggers; one stored with another misfire policy is given this instance's at start; a schedule removed
 * is deleted from the store; a stored trigger that no schedule holds is deleted by the next poll.
 */
@CamelSpringBootTest
@SpringBootTest(properties = {"passerelle.schedules.store=jdbc", "passerelle.schedules.poll-interval=1h"})
@ActiveProfiles({"sandbox", "test"})
@DirtiesContext
class JdbcScheduleStoreH2Test {

    static final String CONNECTION = "sandbox-avantage";
    static final String GROUP = "passerelle-" + CONNECTION;

    @Autowired
    ClusteredScheduler clustered;
    @Autowired
    SchedulePoller poller;
    @Autowired
    CamelContext camel;
    @Autowired
    ConnectionService connections;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSchedulesAreStoredTriggersThatFollowTheSettingsAndTheRemovals() throws Exception {
        Scheduler scheduler = clustered.scheduler();
        assertThat(scheduler.getMetaData().getJobStoreClass()).isEqualTo(JobStoreTX.class);
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.isStarted()).isTrue();
        assertThat(jdbc.queryForList("select misfire_instr from qrtz_triggers where trigger_group = ?", Integer.class,
                GROUP)).hasSize(6).containsOnly(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);

        // stored under another policy (an instance with passerelle.schedules.misfire=skip): given this one's
        TriggerKey projects = new TriggerKey("projects", GROUP);
        CronTrigger stored = (CronTrigger) scheduler.getTrigger(projects);
        scheduler.rescheduleJob(projects, stored.getTriggerBuilder().withSchedule(CronScheduleBuilder
                .cronSchedule(stored.getCronExpression()).withMisfireHandlingInstructionDoNothing()).startNow().build());
        assertThat(((CronTrigger) scheduler.getTrigger(projects)).getMisfireInstruction())
                .isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
        assertThat(ScheduleTriggers.alignStored(camel)).isEqualTo(1);
        assertThat(((CronTrigger) scheduler.getTrigger(projects)).getMisfireInstruction())
                .isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);

        // a trigger no schedule holds (its schedule removed while no instance could delete it): the poll deletes it
        TriggerKey ghost = new TriggerKey("projects", "passerelle-ghost");
        scheduler.scheduleJob(JobBuilder.newJob(CamelJob.class).withIdentity("projects", "passerelle-ghost").build(),
                TriggerBuilder.newTrigger().withIdentity(ghost)
                        .withSchedule(CronScheduleBuilder.cronSchedule("0 0 4 * * ?")).build());
        poller.poll();
        assertThat(scheduler.getTrigger(ghost)).isNull();
        assertThat(scheduler.getTrigger(projects)).as("held by its route: kept").isNotNull();

        // one schedule left: the other five are deleted from the store, not only their routes stopped
        connections.update(CONNECTION, documentWithSchedules(Map.of("hourTypes", "0 25 * * * ?")));
        assertThat(jdbc.queryForList("select trigger_name from qrtz_triggers where trigger_group = ?", String.class,
                GROUP)).containsExactly("hourTypes");
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
