package io.passerelle.erp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final InstantSource NOW = InstantSource.fixed(Instant.parse("2026-03-02T10:00:00Z"));

    @Test
    void secondsAreTakenAsTheyAre() {
        assertThat(RetryAfter.parse("12", NOW)).contains(Duration.ofSeconds(12));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsTheTimeLeftUntilThenAndNeverNegative() {
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 10:00:45 GMT", NOW)).contains(Duration.ofSeconds(45));
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 09:59:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void whatCannotBeReadAsksNothing() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse(" ", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
    }
}
