package io.passerelle.schedule;

import io.passerelle.run.RouteTemplates;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.apache.camel.CamelContext;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzConstants;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removing schedule routes so that their triggers go too, on every instance. camel-quartz deletes a route's trigger
 * when the route stops, except with a clustered JobStore, where it leaves it for the other instances (a stopping
 * instance must not take the cluster's schedules with it). So a schedule removed through this instance is deleted
 * from the store here, explicitly: its route is removed and its trigger key, held by no route any more, unscheduled.
 * A trigger whose schedule changed (same key, new cron) is rescheduled by camel-quartz when the new route starts.
 */
public final class ScheduleTriggers {

    /**
     * The trigger groups of the templates' URIs: {@code quartz:passerelle-<connection>/<flow>} and
     * {@code quartz:passerelle-import-jobs/<job>} (routes/schedules/*.camel.yaml).
     */
    public static final String GROUP_PREFIX = "passerelle-";
    public static final String IMPORT_JOB_GROUP = GROUP_PREFIX + "import-jobs";

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleTriggers.class);

    private ScheduleTriggers() {
    }

    /** A connection's schedule trigger ({@code passerelle-<connection>}). */
    public static boolean isConnectionTrigger(TriggerKey key) {
        return key.getGroup().startsWith(GROUP_PREFIX) && !isImportJobTrigger(key);
    }

    /** An import job's schedule trigger. */
    public static boolean isImportJobTrigger(TriggerKey key) {
        return key.getGroup().equals(IMPORT_JOB_GROUP);
    }

    /** Removes the route (as {@link RouteTemplates#remove}) and answers its trigger's key, if it had one. */
    public static Optional<TriggerKey> removeRoute(CamelContext camel, String routeId) {
        Optional<TriggerKey> key = Optional.ofNullable(camel.getRoute(routeId)).flatMap(ScheduleTriggers::triggerKey);
        RouteTemplates.remove(camel, routeId);
        return key;
    }

    /**
     * Unschedules those of {@code keys} that no route of this instance holds: the schedules that are gone, not those
     * remade under the same key. Nothing to do in RAM mode, where stopping the route did it.
     */
    public static void deleteUnheld(CamelContext camel, Collection<TriggerKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Scheduler scheduler = clusteredScheduler(camel);
        if (scheduler == null || !camel.getStatus().isStarted()) {
            // a stopping Camel holds no routes: that says nothing of what the cluster's schedules are
            return;
        }
        Set<TriggerKey> held = heldKeys(camel);
        for (TriggerKey key : keys) {
            if (!held.contains(key)) {
                try {
                    if (scheduler.unscheduleJob(key)) {
                        LOG.info("schedules: trigger {} deleted from the clustered store", key);
                    }
                } catch (SchedulerException e) {
                    LOG.error("schedules: could not delete trigger {} from the clustered store: {}", key, e.getMessage());
                }
            }
        }
    }

    /** The trigger keys of this instance's Quartz routes. */
    public static Set<TriggerKey> heldKeys(CamelContext camel) {
        Set<TriggerKey> held = new HashSet<>();
        for (Route route : camel.getRoutes()) {
            triggerKey(route).ifPresent(held::add);
        }
        return held;
    }

    /**
     * Stores the route's endpoint URI in its stored job's data. camel-quartz reschedules a stored trigger whose cron
     * changed but leaves its job's data as the first instance wrote it, with the old URI; an instance that fires the
     * trigger without holding its route (just removing it to make it anew) makes an endpoint from that URI, whose
     * start would put the old cron back. Nothing to do in RAM mode or when the data is current.
     */
    public static void storeEndpoint(CamelContext camel, String routeId) {
        Scheduler scheduler = clusteredScheduler(camel);
        Route route = camel.getRoute(routeId);
        QuartzEndpoint endpoint = route == null ? null : quartzEndpoint(route);
        if (scheduler == null || endpoint == null) {
            return;
        }
        TriggerKey key = endpoint.getTriggerKey();
        try {
            // camel-quartz names the job as its trigger
            JobDetail job = scheduler.getJobDetail(new JobKey(key.getName(), key.getGroup()));
            String uri = endpoint.getEndpointUri();
            if (job == null || uri.equals(job.getJobDataMap().getString(QuartzConstants.QUARTZ_ENDPOINT_URI))) {
                return;
            }
            JobDetail current = job.getJobBuilder().usingJobData(QuartzConstants.QUARTZ_ENDPOINT_URI, uri).build();
            if (endpoint.getCron() != null) {
                current.getJobDataMap().put(QuartzConstants.QUARTZ_TRIGGER_CRON_EXPRESSION, endpoint.getCron());
            }
            scheduler.addJob(current, true, true);
        } catch (SchedulerException e) {
            LOG.error("schedules: could not store the endpoint of trigger {}: {}", key, e.getMessage());
        }
    }

    /**
     * Gives the stored cron triggers of this instance's routes the time zone and misfire instruction their routes
     * ask for. camel-quartz reschedules a stored trigger only when its cron changed, so a trigger stored before
     * {@code passerelle.schedules.misfire} or {@code passerelle.schedule.time-zone} changed would keep the old ones
     * for ever; run once at start, when settings can have changed. Answers how many were rescheduled.
     */
    public static int alignStored(CamelContext camel) {
        Scheduler scheduler = clusteredScheduler(camel);
        if (scheduler == null) {
            return 0;
        }
        int aligned = 0;
        for (Route route : camel.getRoutes()) {
            QuartzEndpoint endpoint = quartzEndpoint(route);
            if (endpoint == null || endpoint.getCron() == null) {
                continue;
            }
            try {
                if (align(scheduler, endpoint)) {
                    aligned++;
                }
            } catch (SchedulerException | RuntimeException e) {
                LOG.error("schedules: could not align stored trigger {}: {}", endpoint.getTriggerKey(), e.getMessage());
            }
        }
        return aligned;
    }

    private static boolean align(Scheduler scheduler, QuartzEndpoint endpoint) throws SchedulerException {
        Trigger stored = scheduler.getTrigger(endpoint.getTriggerKey());
        if (!(stored instanceof CronTrigger cron)) {
            return false;
        }
        Map<String, Object> parameters = endpoint.getTriggerParameters();
        Object zone = parameters == null ? null : parameters.get("timeZone");
        Object misfire = parameters == null ? null : parameters.get("misfireInstruction");
        TimeZone timeZone = zone == null ? cron.getTimeZone() : TimeZone.getTimeZone(zone.toString());
        int instruction = misfire == null ? cron.getMisfireInstruction() : Integer.parseInt(misfire.toString());
        if (timeZone.getID().equals(cron.getTimeZone().getID()) && instruction == cron.getMisfireInstruction()) {
            return false;
        }
        CronScheduleBuilder schedule = CronScheduleBuilder.cronSchedule(cron.getCronExpression()).inTimeZone(timeZone);
        schedule = switch (instruction) {
            case CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING -> schedule.withMisfireHandlingInstructionDoNothing();
            case Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY -> schedule.withMisfireHandlingInstructionIgnoreMisfires();
            default -> schedule.withMisfireHandlingInstructionFireAndProceed();
        };
        // from now: a start time in the past would make it misfire at once
        scheduler.rescheduleJob(cron.getKey(), cron.getTriggerBuilder().withSchedule(schedule).startNow().build());
        LOG.info("schedules: stored trigger {} now in {} with misfire instruction {}", cron.getKey(), timeZone.getID(),
                instruction);
        return true;
    }

    /** camel-quartz's scheduler when it is clustered (the JDBC store), else null. */
    static Scheduler clusteredScheduler(CamelContext camel) {
        if (!camel.getComponentNames().contains("quartz")) {
            return null;
        }
        Scheduler scheduler = camel.getComponent("quartz", QuartzComponent.class).getScheduler();
        try {
            return scheduler != null && !scheduler.isShutdown() && scheduler.getMetaData().isJobStoreClustered()
                    ? scheduler : null;
        } catch (SchedulerException e) {
            return null;
        }
    }

    private static Optional<TriggerKey> triggerKey(Route route) {
        QuartzEndpoint endpoint = quartzEndpoint(route);
        return endpoint == null ? Optional.empty() : Optional.ofNullable(endpoint.getTriggerKey());
    }

    private static QuartzEndpoint quartzEndpoint(Route route) {
        Endpoint endpoint = route.getEndpoint();
        if (endpoint instanceof DelegateEndpoint delegate) {
            endpoint = delegate.getEndpoint();
        }
        return endpoint instanceof QuartzEndpoint quartz ? quartz : null;
    }
}
