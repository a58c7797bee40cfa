package io.passerelle.importjob;

import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.connection.ConnectionUnlinkedException;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.Trigger;
import io.passerelle.sync.NoCompanySelectedException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What a job's Quartz trigger does: start a run of the job, or note that its previous run is still going. */
@Component
public class ScheduledImport {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledImport.class);

    private final ImportJobService jobs;

    public ScheduledImport(ImportJobService jobs) {
        this.jobs = jobs;
    }

    public void trigger(long jobId) {
        try {
            Optional<JobRun> last = jobs.lastRun(jobId);
            if (last.isPresent() && last.get().running()) {
                LOG.info("import job {}: schedule skipped, its run {} is still going", jobId, last.get().id());
                return;
            }
            JobRunStarted started = jobs.start(jobId, Trigger.SCHEDULE);
            LOG.info("import job {}: scheduled run {} started, {} line(s)", jobId, started.importRunId(),
                    started.runIds().size());
        } catch (FlowAlreadyRunningException | ConnectionNotFoundException | ConnectionUnlinkedException
                | ImportJobNotFoundException e) {
            // another run of a flow or company is going, or the job or its connection is going away with its route
            LOG.info("import job {}: schedule skipped: {}", jobId, e.getMessage());
        } catch (NoCompanySelectedException e) {
            LOG.warn("import job {}: schedule skipped: {}", jobId, e.getMessage());
        }
    }
}
