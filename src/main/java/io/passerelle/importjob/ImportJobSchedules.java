package io.passerelle.importjob;

import io.passerelle.connection.ConnectionChanged;
import io.passerelle.routes.RouteFileListener;
import io.passerelle.routes.RouteFiles;
import io.passerelle.run.RouteTemplates;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
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
 * deleted or its connection archived or deleted, made again when the connection is created again.
 */
@Component
public class ImportJobSchedules implements RouteFileListener {

    public static final String TEMPLATE = "schedules/import-job-schedule" + RouteFiles.SUFFIX;

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobSchedules.class);

    private final CamelContext camel;
    private final RouteFiles files;
    private final ImportJobStore store;
    /** The connection of each job that has a route. */
    private final Map<Long, String> scheduled = new ConcurrentHashMap<>();

    ImportJobSchedules(CamelContext camel, RouteFiles files, ImportJobStore store) {
        this.camel = camel;
        this.files = files;
        this.store = store;
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
        unschedule(change.jobId());
        if (change.job() != null && change.job().schedule() != null) {
            // read again: a change of the connection may have come between
            store.find(change.jobId()).filter(job -> job.schedule() != null).ifPresent(this::schedule);
        }
    }

    /** Archived or deleted: its jobs stop; created again (or changed): its jobs are scheduled as stored. */
    @EventListener
    public synchronized void onConnectionChanged(ConnectionChanged change) {
        scheduled.entrySet().stream().filter(entry -> entry.getValue().equals(change.connectionId()))
                .map(Map.Entry::getKey).toList().forEach(this::unschedule);
        if (!change.deleted()) {
            store.scheduled(change.connectionId()).forEach(this::schedule);
        }
    }

    private synchronized void schedule(ImportJob job) {
        unschedule(job.id());
        String routeId = routeId(job.id());
        RouteTemplates.add(camel, TemplatedRouteBuilder.builder(camel, files.template(TEMPLATE))
                .routeId(routeId)
                .parameter("jobId", String.valueOf(job.id()))
                .parameter("cron", job.schedule()));
        scheduled.put(job.id(), job.connectionId());
        LOG.info("import job {} of connection {}: scheduled ({})", job.id(), job.connectionId(), job.schedule());
    }

    private synchronized void unschedule(long jobId) {
        if (scheduled.remove(jobId) == null) {
            return;
        }
        try {
            RouteTemplates.remove(camel, routeId(jobId));
        } catch (IllegalStateException e) {
            LOG.error("import job {}: could not remove its schedule route: {}", jobId, e.getMessage());
        }
    }
}
