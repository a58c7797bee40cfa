package io.passerelle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.api.ApiTestSupport;
import io.passerelle.console.ConsoleClient.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's sign-in counts in the API's table of failed sign-ins: an address that failed at either door is
 * refused at both, a known token too, until its minute is over. Its properties are SignInLimitApiTest's, so that both
 * share one context.
 */
@TestPropertySource(properties = {
        "passerelle.security.failed-sign-ins-per-minute=5",
        "server.forward-headers-strategy=native",
})
class ConsoleSignInLimitTest extends ApiTestSupport {

    private static final String ADDRESS = "198.51.100.40";

    @LocalServerPort
    int port;

    @Test
    void failuresAtTheConsoleAndTheApiCountTogetherAndThenEvenAKnownTokenWaits() {
        for (int i = 0; i < 3; i++) {
            ConsoleClient guessing = new ConsoleClient(port, "en", ADDRESS);
            assertThat(guessing.signIn("guess-" + i).status()).isEqualTo(401);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(new ConsoleClient(port, "en", ADDRESS).api("/api/connections").status()).isEqualTo(401);
        }

        ConsoleClient person = new ConsoleClient(port, "fr-CA", ADDRESS);
        Page refused = person.signIn(ADMIN);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text()).contains("Trop de connexions manquées depuis cette adresse : réessayez dans");
        assertThat(person.get("/console/connections").status()).as("not signed in").isEqualTo(302);
        assertThat(call("GET", "/api/connections", ADMIN).status()).as("from another address").isEqualTo(200);
        Page elsewhere = new ConsoleClient(port, "en", "198.51.100.41").signIn(ADMIN);
        assertThat(elsewhere.status()).isEqualTo(302);
    }
}
