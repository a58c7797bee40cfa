package io.passerelle.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code passerelle.schedules.store=jdbc}: camel-quartz's component on a Quartz scheduler whose JobStore is the
 * application's database, clustered, so that each trigger fires on one instance only (Quartz's row locks in
 * {@code qrtz_locks}). The tables are migration V21's. With {@code ram} (the default) there is no bean here and
 * camel-quartz makes its own in-memory scheduler, as it always did.
 *
 * <p>Why not spring-boot-starter-quartz: its scheduler would be a second owner of the same Quartz instance. It
 * starts with the Spring context (before camel-quartz has put the CamelContext in the scheduler's context, so
 * triggers due at start fail with "No CamelContext could be found"), camel-quartz autowires whatever Scheduler bean
 * exists (in RAM mode too, changing what works today), and its LocalDataSourceJobStore registers the DataSource
 * under the scheduler's name in Quartz's JVM-wide connection manager. Building the scheduler from Quartz's own
 * properties here keeps one owner: Camel starts nothing, {@link SchedulePoller} starts the scheduler once the stored
 * schedules have their routes, and this bean shuts it down after Camel stopped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "passerelle.schedules.store", havingValue = "jdbc")
class ClusteredQuartzConfiguration {

    /**
     * The cluster's name (Quartz's instanceName, the {@code sched_name} column): every instance on one database is
     * one cluster. Instance ids are Quartz's AUTO (host name and time).
     */
    static final String CLUSTER = "passerelle";

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredQuartzConfiguration.class);

    @Bean(destroyMethod = "")
    ClusteredScheduler clusteredScheduler(DataSource dataSource, SchedulesProperties properties)
            throws SchedulerException {
        // a name of its own in Quartz's JVM-wide registry: two application contexts in one JVM (tests) keep theirs
        String dataSourceName = "passerelle-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new DataSourceConnectionProvider(dataSource));
        Properties quartz = new Properties();
        quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, CLUSTER);
        quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID);
        quartz.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, SimpleThreadPool.class.getName());
        quartz.setProperty("org.quartz.threadPool.threadCount", String.valueOf(properties.threadCount()));
        quartz.setProperty("org.quartz.threadPool.threadNamePrefix", "passerelle-quartz");
        quartz.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, JobStoreTX.class.getName());
        quartz.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", delegate(dataSource));
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval",
                String.valueOf(properties.clusterCheckinInterval().toMillis()));
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(properties.misfireThreshold().toMillis()));
        // acquire under the TRIGGER_ACCESS row lock: what Quartz advises for clusters
        quartz.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        Scheduler scheduler;
        synchronized (SchedulerRepository.getInstance()) {
            scheduler = new StdSchedulerFactory(quartz).getScheduler();
            // Quartz keeps schedulers by name JVM-wide and would hand the same one to a second context: this one is
            // this context's alone
            SchedulerRepository.getInstance().remove(CLUSTER);
        }
        LOG.info("schedules: Quartz JDBC JobStore on the application's database, clustered as \"{}\", instance {}",
                CLUSTER, scheduler.getSchedulerInstanceId());
        return new ClusteredScheduler(scheduler);
    }

    /** camel-quartz's component (the {@code quartz:} of the schedule templates) on that scheduler. */
    @Bean("quartz")
    QuartzComponent quartz(ClusteredScheduler clustered) {
        QuartzComponent component = new QuartzComponent();
        component.setScheduler(clustered.scheduler());
        // started by SchedulePoller once the stored schedules have their routes: a trigger that fired on an instance
        // still making them would find no route there
        component.setAutoStartScheduler(false);
        return component;
    }

    private static String delegate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            // PostgreSQL keeps job data in bytea, which the standard delegate would read as a blob
            return product.contains("postgres") ? PostgreSQLDelegate.class.getName() : StdJDBCDelegate.class.getName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's product name for Quartz", e);
        }
    }
}
