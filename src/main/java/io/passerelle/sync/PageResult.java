package io.passerelle.sync;

import io.passerelle.run.RecordError;
import java.time.Instant;
import java.util.List;

/**
 * What writing one page did. Warnings (near-matches) are reported but the record was written.
 * {@code heldAt} is the earliest modification instant of a record that failed for a reason that may
 * pass later (its parent not synced yet): the cursor must not move past it. {@code skipped} counts records the
 * writer left out on purpose (a company of the connection that is not selected for import).
 */
public record PageResult(
        int created, int updated, int unchanged, List<RecordError> rejected, List<RecordError> warnings, Instant heldAt,
        int skipped) {

    /** A page of which nothing was skipped. */
    public PageResult(int created, int updated, int unchanged, List<RecordError> rejected, List<RecordError> warnings,
            Instant heldAt) {
        this(created, updated, unchanged, rejected, warnings, heldAt, 0);
    }
}
