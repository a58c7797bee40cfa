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

    @Test
    void aTokenBoundToATenantStaysBoundAcrossARefreshAfterExpiry() {
        Sessions.Issued first = sessions.openTokenSession(Sessions.UNLIMITED, "api", "4711", true);
        assertThat(sessions.byAccessToken(first.session().accessToken()).tenant()).isEqualTo("4711");
        clock.advance(Duration.ofHours(2));
        Sessions.Issued revived = sessions.refresh(first.refreshToken(), Sessions.UNLIMITED);
        assertThat(revived.session()).isNotSameAs(first.session());
        assertThat(revived.session().tenant()).isEqualTo("4711");
        assertThat(sessions.openTokenSession(Sessions.UNLIMITED, "api", false).session().tenant()).isNull();
    }

    @Test
    void accessTokensMayHaveTheErpsOwnLook() {
        int[] minted = {0};
        Sessions jwtLike = new Sessions(clock, Duration.ZERO, Duration.ofHours(1), () -> "eyJ.h" + ++minted[0] + ".sig");
        Sessions.Issued one = jwtLike.openTokenSession(Sessions.UNLIMITED, "api", false);
        Sessions.Issued two = jwtLike.openTokenSession(Sessions.UNLIMITED, "api", false);
        assertThat(one.session().accessToken()).isEqualTo("eyJ.h1.sig");
        assertThat(jwtLike.byAccessToken("eyJ.h2.sig")).isSameAs(two.session());
    }
}
