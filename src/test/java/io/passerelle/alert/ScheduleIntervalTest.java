package io.passerelle.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ScheduleIntervalTest {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final Instant NOW = Instant.parse("2026-12-01T10:07:00Z");

    @Test
    void isTheTimeBetweenTheScheduleNextTwoFires() {
        assertThat(AlertService.interval("0 0 * * * ?", UTC, NOW)).contains(Duration.ofHours(1));
        assertThat(AlertService.interval("every 15 minutes", UTC, NOW)).contains(Duration.ofMinutes(15));
        assertThat(AlertService.interval("hourly", UTC, NOW)).contains(Duration.ofHours(1));
        assertThat(AlertService.interval("daily at 02:00", UTC, NOW)).contains(Duration.ofDays(1));
        // weekdays at 6: from a Tuesday, the next gap is a day
        assertThat(AlertService.interval("0 0 6 ? * MON-FRI", UTC, NOW)).contains(Duration.ofDays(1));
    }

    @Test
    void isEmptyWithoutASchedule() {
        assertThat(AlertService.interval(null, UTC, NOW)).isEmpty();
        assertThat(AlertService.interval("now and then", UTC, NOW)).isEmpty();
        assertThat(AlertService.interval("0 0 0 1 1 ? 2020", UTC, NOW)).as("never fires again").isEmpty();
    }
}
