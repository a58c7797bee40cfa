package io.passerelle.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.Connections;
import io.passerelle.connection.ErpConnector;
import io.passerelle.connection.ErpConnectors;
import io.passerelle.connection.FakeErpConnector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** Health warns from 14 days before a connection's credentials expire, and says when and what to do. */
class CredentialExpiryHealthIndicatorTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    /** Credentials that expire on the date in {@code options.expires}. */
    private static final ErpConnector EXPIRING = new FakeErpConnector() {
        @Override
        public Optional<LocalDate> credentialsExpireOn(Connection connection) {
            Object date = connection.options().get("expires");
            return date == null ? Optional.empty() : Optional.of(LocalDate.parse(date.toString()));
        }
    };

    private static Health health(Connection... connections) {
        ConnectionDirectory directory = new ConnectionDirectory() {
            @Override
            public Optional<Connection> find(String id) {
                return List.of(connections).stream().filter(c -> c.id().equals(id)).findFirst();
            }

            @Override
            public List<Connection> all() {
                return List.of(connections);
            }

            @Override
            public <T> T lockedForRun(String id, Function<Connection, T> start) {
                throw new UnsupportedOperationException();
            }
        };
        return new CredentialExpiryHealthIndicator(directory, new ErpConnectors(List.of(EXPIRING)), Duration.ofDays(14), NOW)
                .health();
    }

    private static Connection expiring(String id, String date) {
        return Connections.withOptions(Connections.valid(id), date == null ? Map.of() : Map.of("expires", date));
    }

    @Test
    void farOffOrUnknownExpiriesAreUp() {
        Health health = health(expiring("later", "2026-12-16"), expiring("unknown", null));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat((Map<?, ?>) health.getDetails().get("expiring")).isEmpty();
    }

    @Test
    void fourteenDaysBeforeAndAfterTheExpiryItWarnsInWords() {
        Health health = health(expiring("soon", "2026-12-15"), expiring("gone", "2026-11-30"), expiring("later", "2027-01-01"));
        assertThat(health.getStatus()).isEqualTo(ConnectionRunsHealthIndicator.DEGRADED);
        Map<?, ?> expiring = (Map<?, ?>) health.getDetails().get("expiring");
        assertThat(expiring.keySet().stream().map(Object::toString).toList()).containsExactly("soon", "gone");
        assertThat(((Map<?, ?>) expiring.get("soon")).get("message"))
                .isEqualTo("the credentials expire on 2026-12-15, in 14 days: make new ones before then and PUT them");
        assertThat(((Map<?, ?>) expiring.get("gone")).get("daysLeft")).isEqualTo(-1L);
        assertThat(((Map<?, ?>) expiring.get("gone")).get("message").toString()).startsWith("the credentials expired on 2026-11-30");
    }
}
