package io.passerelle.api;

import io.passerelle.importjob.ImportJob;
import io.passerelle.importjob.JobRange;
import io.passerelle.importjob.JobRun;
import java.time.Instant;
import java.util.List;

/**
 * An import job as the API shows it: {@code companies} null for every selected company of the connection, and
 * {@code lastRun} its newest run in brief (null before it ran).
 */
record ImportJobView(long id, String name, String connection, List<String> companies, List<String> flows,
        JobRange range, String schedule, String owner, Instant createdAt, Instant updatedAt, RunSummary lastRun) {

    /** A job's run in brief: see {@link ImportJobRunView} for its lines. */
    record RunSummary(long id, String trigger, Instant startedAt, Instant finishedAt, String status) {

        static RunSummary of(JobRun run) {
            return new RunSummary(run.id(), run.trigger(), run.startedAt(), run.finishedAt(), ImportJobRunView.status(run));
        }
    }

    static ImportJobView of(ImportJob job, JobRun lastRun) {
        return new ImportJobView(job.id(), job.settings().name(), job.connectionId(), job.settings().companies(),
                job.flows(), job.settings().range(), job.schedule(), job.owner(), job.createdAt(), job.updatedAt(),
                lastRun == null ? null : RunSummary.of(lastRun));
    }
}
