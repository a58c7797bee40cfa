package io.passerelle.sync;

import io.passerelle.canonical.CanonicalRecord;
import java.time.Instant;

/**
 * What an import job's ranged run reads: the records modified from {@code from} (null: since ever) up to
 * {@code to} (null: until now). The ERP is asked for what changed since {@code from} where it can filter so; records
 * it gives outside the range are skipped. A ranged run leaves the flow's cursor where it is: it says nothing of what
 * the flow holds up to any instant.
 */
public record SyncRange(Instant from, Instant to) {

    /** Whether a record is in the range; one without a modification instant is (nothing says it is not). */
    boolean holds(CanonicalRecord record) {
        Instant modified = record.remoteModifiedAt();
        if (modified == null) {
            return true;
        }
        return (from == null || !modified.isBefore(from)) && (to == null || !modified.isAfter(to));
    }
}
