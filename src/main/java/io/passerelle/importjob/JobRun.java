package io.passerelle.importjob;

import java.time.Instant;
import java.util.List;

/** One run of a job, with its lines (one per company × flow, in the order they were made). */
public record JobRun(long id, long jobId, String trigger, Instant startedAt, List<JobLine> lines) {

    public JobRun {
        lines = List.copyOf(lines);
    }

    /** Whether a line is still going. */
    public boolean running() {
        return lines.stream().anyMatch(line -> !line.run().finished());
    }

    /** When its last line finished; null while one is going. */
    public Instant finishedAt() {
        if (running()) {
            return null;
        }
        return lines.stream().map(line -> line.run().finishedAt()).max(Instant::compareTo).orElse(startedAt);
    }
}
