package io.passerelle.api;

import io.passerelle.importjob.JobLine;
import io.passerelle.importjob.JobRun;
import io.passerelle.run.RunErrorView;
import io.passerelle.run.RunView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run of an import job: a line per company × flow, each its sync run's status, counts and message, its first
 * errors ({@code errors}, at most {@code ImportJobService.ERRORS_SHOWN}, without payload) and how many it has
 * ({@code errorCount}: every one, with its payload, at {@code GET /api/runs/{runId}/errors}). {@code status} is the
 * worst of the lines'; {@code finishedAt} null while a line is going.
 */
record ImportJobRunView(long id, long job, String trigger, Instant startedAt, Instant finishedAt, String status,
        List<Line> lines) {

    /** {@code company} null for the connection's own company (an ERP that reaches one). */
    record Line(long runId, Company company, String flow, String status, Map<String, Integer> counts, String message,
            List<Error> errors, int errorCount) {
    }

    record Company(String erpCompanyId, String name) {
    }

    record Error(String entity, String remoteKey, String code, String message, boolean retryable) {
    }

    static ImportJobRunView of(JobRun run) {
        return new ImportJobRunView(run.id(), run.jobId(), run.trigger(), run.startedAt(), run.finishedAt(), status(run),
                run.lines().stream().map(ImportJobRunView::line).toList());
    }

    static String status(JobRun run) {
        return RunStatuses.worst(run.lines().stream().map(line -> line.run().status()).toList());
    }

    private static Line line(JobLine line) {
        RunView run = line.run();
        Company company = run.company() == null ? null
                : new Company(run.company().erpCompanyId(), run.company().name());
        return new Line(run.id(), company, run.flow(), run.status(), run.counts(), run.message(),
                line.firstErrors().stream().map(ImportJobRunView::error).toList(), line.errorCount());
    }

    private static Error error(RunErrorView error) {
        return new Error(error.entity(), error.remoteKey(), error.code(), error.message(), error.retryable());
    }
}
