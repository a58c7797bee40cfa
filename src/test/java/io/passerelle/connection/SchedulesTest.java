package io.passerelle.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.CronExpression;

/** The plain forms a schedule may take, and the crons they mean. */
class SchedulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hourly                | 0 0 * * * ?",
            " Hourly               | 0 0 * * * ?",
            "daily at 02:00        | 0 0 2 * * ?",
            "daily at 2:00         | 0 0 2 * * ?",
            "Daily  at 23:59       | 0 59 23 * * ?",
            "daily at 00:30        | 0 30 0 * * ?",
            "every 15 minutes      | 0 0/15 * * * ?",
            "every 1 minute        | 0 0/1 * * * ?",
            "EVERY 30 MINUTES      | 0 0/30 * * * ?"})
    void aPlainFormIsTheCronItMeans(String text, String cron) {
        assertThat(Schedules.cron(text)).contains(cron);
        assertThat(CronExpression.isValidExpression(cron)).as("Quartz runs it").isTrue();
    }

    @Test
    void aCronIsKeptAsGiven() {
        assertThat(Schedules.cron("0 5 * * * ?")).contains("0 5 * * * ?");
        assertThat(Schedules.cron("0 0 2 ? * MON-FRI")).contains("0 0 2 ? * MON-FRI");
    }

    @Test
    void theNextFiringsAreWhatTheWordsSay() throws Exception {
        CronExpression daily = new CronExpression(Schedules.cron("daily at 2:00").orElseThrow());
        daily.setTimeZone(TimeZone.getTimeZone("UTC"));
        Date next = daily.getNextValidTimeAfter(Date.from(Instant.parse("2026-11-16T03:00:00Z")));
        assertThat(next.toInstant()).isEqualTo(Instant.parse("2026-11-17T02:00:00Z"));

        CronExpression quarter = new CronExpression(Schedules.cron("every 15 minutes").orElseThrow());
        quarter.setTimeZone(TimeZone.getTimeZone("UTC"));
        next = quarter.getNextValidTimeAfter(Date.from(Instant.parse("2026-11-16T03:50:00Z")));
        assertThat(next.toInstant()).isEqualTo(Instant.parse("2026-11-16T04:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "every hour", "daily", "daily at 24:00", "daily at 2:60", "daily at 2",
            "daily at 02:00 pm", "every 7 minutes", "every 0 minutes", "every 60 minutes", "hourly at 5",
            "0 0 * * *", "sometimes"})
    void anythingElseIsNoSchedule(String text) {
        assertThat(Schedules.cron(text)).isEmpty();
    }

    @Test
    void nullIsNoSchedule() {
        assertThat(Schedules.cron(null)).isEmpty();
    }
}
