package io.passerelle.sync;

import io.passerelle.run.RecordError;
import java.time.Instant;
import java.util.List;

/**
 * What writing one page did. Warnings (near-matches) are reported but the record was written.
 * {@code heldAt} is the earliest modification instant of a record that failed for a reason that may
 * pass later (its parent not synced yet): the cursor must not move past it.
 */
public record PageResult(
        int created, int updated, int unchanged, List<RecordError> rejected, List<RecordError> warnings, Instant heldAt) {
}
