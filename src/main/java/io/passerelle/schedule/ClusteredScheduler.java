package io.passerelle.schedule;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The clustered Quartz scheduler, shut down when the Spring context closes, before Camel stops its routes
 * ({@link SchedulePoller#stopBeforeCamel}; here again when the bean is destroyed, in case the context closed before it
 * was ready), waiting for the triggers that are starting a run. In clustered mode stopping a route leaves its trigger
 * in the database for the other instances.
 */
final class ClusteredScheduler implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredScheduler.class);

    private final Scheduler scheduler;

    ClusteredScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void destroy() throws SchedulerException {
        if (!scheduler.isShutdown()) {
            LOG.info("schedules: shutting down the clustered Quartz scheduler, instance {}",
                    scheduler.getSchedulerInstanceId());
            scheduler.shutdown(true);
        }
    }
}
