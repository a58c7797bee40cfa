package io.passerelle.schedule;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzConstants;
import org.apache.camel.component.quartz.QuartzHelper;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the clustered store: starts the Quartz scheduler once the stored schedules have their routes (after the
 * {@link ScheduleSource}s' own start-up, at order 0), then every {@code passerelle.schedules.poll-interval} has each
 * source apply the schedules changed through another instance. Each instance fires the triggers of the whole
 * cluster, so each must have the route of every schedule: a trigger that fires where its route is not yet made
 * starts no run (camel-quartz finds no consumer and logs it), which is the cost of a poll interval, only for the
 * first fires of a schedule just added or changed elsewhere.
 */
@Component
@ConditionalOnProperty(name = "passerelle.schedules.store", havingValue = "jdbc")
class SchedulePoller implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulePoller.class);

    private final CamelContext camel;
    private final ClusteredScheduler clustered;
    private final List<ScheduleSource> sources;
    private final SchedulesProperties properties;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "passerelle-schedule-poll");
        thread.setDaemon(true);
        return thread;
    });

    SchedulePoller(CamelContext camel, ClusteredScheduler clustered, List<ScheduleSource> sources,
            SchedulesProperties properties) {
        this.camel = camel;
        this.clustered = clustered;
        this.sources = sources;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void start() throws SchedulerException {
        Scheduler scheduler = clustered.scheduler();
        // the component exists once a quartz: route was made; with no schedule at all yet, make it now
        camel.getComponent("quartz", QuartzComponent.class);
        // camel-quartz's jobs find the CamelContext in the scheduler's context (it puts it there when it starts;
        // put it here too in case no quartz: route started it yet)
        scheduler.getContext().putIfAbsent(QuartzConstants.QUARTZ_CAMEL_CONTEXT + "-"
                + QuartzHelper.getQuartzContextName(camel), camel);
        int aligned = ScheduleTriggers.alignStored(camel);
        if (aligned > 0) {
            LOG.info("schedules: {} stored trigger(s) given this instance's time zone and misfire policy", aligned);
        }
        if (!scheduler.isStarted()) {
            scheduler.start();
        }
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("schedules: clustered scheduler started, instance {}; schedules read again every {}",
                scheduler.getSchedulerInstanceId(), properties.pollInterval());
    }

    /**
     * Closing: the polls stop and the scheduler shuts down (waiting for the triggers that are starting a run) before
     * Camel stops its routes. Else a trigger firing in between would find no route (its fire lost for the whole
     * cluster), and a poll would find no route holding the cluster's triggers and delete them.
     */
    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void stopBeforeCamel() throws SchedulerException, InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        clustered.destroy();
    }

    /** One pass: the stored trigger keys first, then the schedules (see {@link ScheduleSource#reconcile}). */
    void poll() {
        try {
            Scheduler scheduler = clustered.scheduler();
            if (scheduler.isShutdown() || !camel.getStatus().isStarted()) {
                return;
            }
            Set<TriggerKey> stored = scheduler.getTriggerKeys(GroupMatcher.triggerGroupStartsWith(ScheduleTriggers.GROUP_PREFIX));
            for (ScheduleSource source : sources) {
                source.reconcile(stored);
            }
        } catch (Exception e) {
            // the database away for a moment: the next pass tries again
            LOG.warn("schedules: could not read the schedules: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
