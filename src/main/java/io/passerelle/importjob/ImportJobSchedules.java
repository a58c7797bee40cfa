package io.passerelle.importjob;

import io.passerelle.connection.ConnectionChanged;
import io.passerelle.routes.RouteFileListener;
import io.passerelle.routes.RouteFiles;
import io.passerelle.run.RouteTemplates;
import io.passerelle.schedule.ScheduleSource;
import io.passerelle.schedule.ScheduleTriggers;
import io.passerelle.schedule.SchedulesProperties;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One Quartz route per job with a schedule ({@code import-job-<id>}), made from
 * {@code routes/schedules/import-job-schedule.camel.yaml} as the connections' schedules are made from theirs
 * ({@code connection/ScheduleRoutes}): remade when the job or the template's file changes, removed when the job is
 * deleted or its connection archived or deleted, made again when the connection is created again. With the clustered
 * store a removed schedule's trigger is deleted from the database too, and {@link #reconcile} applies what another
 * instance changed.
 */
@Component
public class ImportJobSchedules implements RouteFileListener, ScheduleSource {

    public static final String TEMPLATE = "schedules/import-job-schedule" + RouteFiles.SUFFIX;

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobSchedules.class);

    private final CamelContext camel;
    private final RouteFiles files;
    private final ImportJobStore store;
    private final SchedulesProperties properties;
    /** The connection of each job that has a route. */
    private final Map<Long, String> scheduled = new ConcurrentHashMap<>();
    /** The schedule (cron) of each job that has a route. */
    private final Map<Long, String> crons = new ConcurrentHashMap<>();

    ImportJobSchedules(CamelContext camel, RouteFiles files, ImportJobStore store, SchedulesProperties properties) {
        this.camel = camel;
        this.files = files;
        this.store = store;
        this.properties = properties;
    }

    /** The template is loaded at start: a missing or broken one stops the start, naming the file. */
    @jakarta.annotation.PostConstruct
    void loadTemplate() {
        files.template(TEMPLATE);
    }

    public static String routeId(long jobId) {
        return "import-job-" + jobId;
    }

    /** The ids of the jobs that have a route, for operators and tests. */
    public Set<Long> scheduledJobs() {
        return Set.copyOf(scheduled.keySet());
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void scheduleStoredJobs() {
        store.scheduled(null).forEach(this::schedule);
    }

    /** The template changed: every job's route is remade from it (a failure refuses the new version). */
    @Override
    public synchronized void routeFileChanged(String templateId) {
        if (templateId.equals(RouteFiles.templateId(TEMPLATE))) {
            store.scheduled(null).forEach(this::schedule);
        }
    }

    @EventListener
    synchronized void onJobChanged(ImportJobChanged change) {
        Set<TriggerKey> removed = new HashSet<>();
        unschedule(change.jobId()).ifPresent(removed::add);
        if (change.job() != null && change.job().schedule() != null) {
            // read again: a change of the connection may have come between
            store.find(change.jobId()).filter(job -> job.schedule() != null).ifPresent(this::schedule);
        }
        ScheduleTriggers.deleteUnheld(camel, removed);
    }

    /** Archived or deleted: its jobs stop; created again (or changed): its jobs are scheduled as stored. */
    @EventListener
    public synchronized void onConnectionChanged(ConnectionChanged change) {
        Set<TriggerKey> removed = new HashSet<>();
        scheduled.entrySet().stream().filter(entry -> entry.getValue().equals(change.connectionId()))
                .map(Map.Entry::getKey).toList().forEach(jobId -> unschedule(jobId).ifPresent(removed::add));
        if (!change.deleted()) {
            store.scheduled(change.connectionId()).forEach(this::schedule);
        }
        ScheduleTriggers.deleteUnheld(camel, removed);
    }

    /**
     * Remakes the routes of the jobs whose stored schedule differs from the one running here, removes those of jobs
     * gone or unscheduled, then deletes the import jobs' triggers in {@code stored} that no route holds.
     */
    @Override
    public synchronized void reconcile(Set<TriggerKey> stored) {
        Map<Long, ImportJob> wanted = new LinkedHashMap<>();
        store.scheduled(null).forEach(job -> wanted.put(job.id(), job));
        Set<Long> ids = new HashSet<>(wanted.keySet());
        ids.addAll(crons.keySet());
        Set<TriggerKey> removed = new HashSet<>();
        for (long id : ids) {
            ImportJob job = wanted.get(id);
            String cron = job == null ? null : job.schedule();
            if (cron != null && cron.equals(crons.get(id))) {
                continue;
            }
            LOG.info("import job {}: schedule changed in the database, remade here", id);
            unschedule(id).ifPresent(removed::add);
            if (job != null) {
                schedule(job);
            }
        }
        removed.addAll(stored.stream().filter(ScheduleTriggers::isImportJobTrigger).toList());
        ScheduleTriggers.deleteUnheld(camel, removed);
    }

    private synchronized void schedule(ImportJob job) {
        Optional<TriggerKey> removed = unschedule(job.id());
        String routeId = routeId(job.id());
        RouteTemplates.add(camel, TemplatedRouteBuilder.builder(camel, files.template(TEMPLATE))
                .routeId(routeId)
                .parameter("jobId", String.valueOf(job.id()))
                .parameter("cron", job.schedule())
                .parameter("misfireInstruction", String.valueOf(properties.misfire().instruction())));
        ScheduleTriggers.storeEndpoint(camel, routeId);
        scheduled.put(job.id(), job.connectionId());
        crons.put(job.id(), job.schedule());
        LOG.info("import job {} of connection {}: scheduled ({})", job.id(), job.connectionId(), job.schedule());
        ScheduleTriggers.deleteUnheld(camel, removed.stream().toList());
    }

    /** Removes the job's route and answers its trigger's key. */
    private synchronized Optional<TriggerKey> unschedule(long jobId) {
        crons.remove(jobId);
        if (scheduled.remove(jobId) == null) {
            return Optional.empty();
        }
        try {
            return ScheduleTriggers.removeRoute(camel, routeId(jobId));
        } catch (IllegalStateException e) {
            LOG.error("import job {}: could not remove its schedule route: {}", jobId, e.getMessage());
            return Optional.empty();
        }
    }
}
