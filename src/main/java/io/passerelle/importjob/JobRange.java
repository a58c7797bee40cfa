package io.passerelle.importjob;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.passerelle.run.SyncMode;
import io.passerelle.sync.SyncRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * A job's range as stored and shown: {@code {"kind": "LAST_DAYS", "days": 30}}, {@code {"kind": "BETWEEN", "from":
 * "2026-01-01", "to": "2026-03-31"}}, {@code {"kind": "ALL"}} or {@code {"kind": "INCREMENTAL"}}; only the members its
 * kind has are shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRange(RangeKind kind, Integer days, LocalDate from, LocalDate to) {

    public static final JobRange INCREMENTAL = new JobRange(RangeKind.INCREMENTAL, null, null, null);

    /**
     * How the engine reads it: INCREMENTAL from the cursors, ALL everything (both without a range, so the cursors move
     * as after any run); a ranged run asks for what changed since its start, hence INCREMENTAL, and leaves the cursors.
     */
    public SyncMode mode() {
        return kind == RangeKind.ALL ? SyncMode.FULL : SyncMode.INCREMENTAL;
    }

    /** The instants the engine reads between, for a run starting {@code now}; null for INCREMENTAL and ALL. */
    public SyncRange syncRange(Instant now) {
        return switch (kind) {
            case INCREMENTAL, ALL -> null;
            case LAST_DAYS -> new SyncRange(now.minus(Duration.ofDays(days)), null);
            // both dates included: to the last instant of the day "to"
            case BETWEEN -> new SyncRange(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    to.atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC));
        };
    }
}
