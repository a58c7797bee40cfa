package io.passerelle.sandbox.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Licence slots: N concurrent sessions, freed at logout or expiry. */
class SessionsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2025-06-02T14:00:00Z"));
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(20), Duration.ofHours(1));

    @Test
    void theLimitIsHeldByCookieAndTokenSessionsAndFreedAtLogout() {
        Sessions.Session cookie = sessions.openCookieSession(2);
        Sessions.Issued token = sessions.openTokenSession(2, "api", false);
        assertThat(sessions.open()).isEqualTo(2);
        assertThatThrownBy(() -> sessions.openCookieSession(2)).isInstanceOf(Sessions.LimitReached.class);

        assertThat(sessions.byCookies(cookie.id(), cookie.ticket())).isSameAs(cookie);
        assertThat(sessions.byCookies(cookie.id(), "forged")).isNull();
        assertThat(sessions.byAccessToken(token.session().accessToken())).isSameAs(token.session());
        sessions.close(cookie);
        assertThat(sessions.byCookies(cookie.id(), cookie.ticket())).isNull();
        assertThat(sessions.openCookieSession(2)).isNotNull();
    }

    @Test
    void aTokenSessionKeepsTheScopeItWasGranted() {
        Sessions.Issued token = sessions.openTokenSession(Sessions.UNLIMITED, "abacus.entity.employee.read", false);
        assertThat(sessions.byAccessToken(token.session().accessToken()).scope())
                .isEqualTo("abacus.entity.employee.read");
        assertThat(sessions.openCookieSession(Sessions.UNLIMITED).scope()).isEmpty();
    }

    @Test
    void idleCookieSessionsAndExpiredTokensFreeTheirSlots() {
        Sessions.Session cookie = sessions.openCookieSession(2);
        sessions.openTokenSession(2, "api", true);
        clock.advance(Duration.ofMinutes(19));
        assertThat(sessions.byCookies(cookie.id(), cookie.ticket())).as("use keeps it alive").isNotNull();
        clock.advance(Duration.ofMinutes(19));
        assertThat(sessions.open()).as("the token lives an hour").isEqualTo(2);
        clock.advance(Duration.ofMinutes(23));
        assertThat(sessions.open()).isZero();
    }

    @Test
    void aRefreshAfterExpiryNeedsAFreeSlotAndStaysUsableUntilOneIs() {
        Sessions.Issued first = sessions.openTokenSession(1, "api offline_access", true);
        clock.advance(Duration.ofHours(2));
        Sessions.Session other = sessions.openCookieSession(1);
        assertThatThrownBy(() -> sessions.refresh(first.refreshToken(), 1)).isInstanceOf(Sessions.LimitReached.class);
        sessions.close(other);
        Sessions.Issued revived = sessions.refresh(first.refreshToken(), 1);
        assertThat(revived.scope()).isEqualTo("api offline_access");
        assertThat(revived.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(sessions.refresh(first.refreshToken(), 1)).as("refresh tokens rotate").isNull();
    }
}
