package io.passerelle.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.run.SyncMode;
import io.passerelle.sync.SyncRange;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What the engine is asked for each kind of range. */
class JobRangeTest {

    private static final Instant NOW = Instant.parse("2026-04-15T10:30:00Z");

    @Test
    void incrementalReadsFromTheCursorsAndAllReadsEverythingBothWithoutARange() {
        assertThat(JobRange.INCREMENTAL.syncRange(NOW)).isNull();
        assertThat(JobRange.INCREMENTAL.mode()).isEqualTo(SyncMode.INCREMENTAL);
        JobRange all = new JobRange(RangeKind.ALL, null, null, null);
        assertThat(all.syncRange(NOW)).isNull();
        assertThat(all.mode()).isEqualTo(SyncMode.FULL);
    }

    @Test
    void lastDaysReadsWhatChangedSinceThatManyDaysBeforeNowUpToNow() {
        JobRange range = new JobRange(RangeKind.LAST_DAYS, 30, null, null);
        assertThat(range.syncRange(NOW)).isEqualTo(new SyncRange(Instant.parse("2026-03-16T10:30:00Z"), null));
        assertThat(range.mode()).isEqualTo(SyncMode.INCREMENTAL);
    }

    @Test
    void betweenReadsFromTheStartOfTheFirstDayToTheEndOfTheLastInUtc() {
        JobRange range = new JobRange(RangeKind.BETWEEN, null, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"));
        SyncRange read = range.syncRange(NOW);
        assertThat(read.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(read.to()).isEqualTo(Instant.parse("2026-03-31T23:59:59.999999999Z"));
        assertThat(read.to()).isBefore(Instant.parse("2026-04-01T00:00:00Z"));

        JobRange oneDay = new JobRange(RangeKind.BETWEEN, null, LocalDate.parse("2026-02-28"), LocalDate.parse("2026-02-28"));
        assertThat(oneDay.syncRange(NOW).from()).isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
        assertThat(oneDay.syncRange(NOW).to()).isAfter(Instant.parse("2026-02-28T23:59:59Z"));
    }
}
