package io.passerelle.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class FailedSignInsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final FailedSignIns failures = new FailedSignIns(3, 100, nanos::get);

    @Test
    void anAddressIsRefusedFromItsLimitUntilTheMinuteOfItsFirstFailureIsOver() {
        fail("10.0.0.1");
        later(Duration.ofSeconds(20));
        fail("10.0.0.1");
        assertThat(failures.refusedFor("10.0.0.1")).isEmpty();

        fail("10.0.0.1");

        assertThat(failures.refusedFor("10.0.0.1")).hasValue(40);
        later(Duration.ofMillis(39_500));
        assertThat(failures.refusedFor("10.0.0.1")).hasValue(1);
        later(Duration.ofMillis(500));
        assertThat(failures.refusedFor("10.0.0.1")).isEmpty();
        fail("10.0.0.1"); // a new minute: counting starts again
        assertThat(failures.refusedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void moreFailuresDoNotMakeTheWaitLonger() {
        for (int i = 0; i < 3; i++) {
            fail("10.0.0.2");
        }
        later(Duration.ofSeconds(30));
        for (int i = 0; i < 10; i++) {
            fail("10.0.0.2");
        }

        assertThat(failures.refusedFor("10.0.0.2")).hasValue(30);
    }

    @Test
    void addressesCountApart() {
        for (int i = 0; i < 3; i++) {
            fail("10.0.0.3");
        }
        fail("10.0.0.4");

        assertThat(failures.refusedFor("10.0.0.3")).isPresent();
        assertThat(failures.refusedFor("10.0.0.4")).isEmpty();
        assertThat(failures.refusedFor("10.0.0.5")).isEmpty();
    }

    @Test
    void theTableIsBounded() {
        for (int i = 0; i < 1000; i++) {
            fail("10.1." + (i >> 8) + "." + (i & 0xff));
        }

        assertThat(failures.addressesHeld()).isLessThanOrEqualTo(100);
    }

    private void fail(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/connections");
        request.setRemoteAddr(address);
        failures.failed(request, FailedSignIns.Reason.UNKNOWN_TOKEN);
    }

    private void later(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
