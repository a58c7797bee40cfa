package io.passerelle.importjob;

import java.time.Instant;

/** One run of a job as stored: its lines are the sync runs that name it. */
record JobRunRow(long id, long jobId, String trigger, Instant startedAt) {
}
