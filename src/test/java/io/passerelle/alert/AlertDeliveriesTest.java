package io.passerelle.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.passerelle.TestDatabases;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.CredentialCipher;
import io.passerelle.run.SqlFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** A webhook that never answers 2xx: the delivery is tried max-attempts times, then given up with its last error. */
class AlertDeliveriesTest {

    private HikariDataSource dataSource;
    private HttpServer receiver;
    private final AtomicInteger posts = new AtomicInteger();
    private AlertStore store;

    @BeforeEach
    void setUp() throws IOException {
        dataSource = TestDatabases.h2();
        Flyway.configure().dataSource(dataSource).load().migrate();
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        jdbc.getJdbcTemplate().update("insert into company (code, name) values ('ACME', 'Acme')");
        jdbc.getJdbcTemplate().update("insert into connection (id, company_id, erp, credentials, schedules, options,"
                + " created_at, updated_at) select 'c1', id, 'avantage', 'x', '{}', '{}', current_timestamp,"
                + " current_timestamp from company");
        store = new AlertStore(jdbc, new SqlFiles(), new CredentialCipher(new byte[CredentialCipher.KEY_BYTES]));
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.stop(0);
        dataSource.close();
    }

    @Test
    void aDeliveryThatNeverSucceedsIsGivenUpAfterMaxAttemptsWithItsLastError() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // first-backoff 1 ms: each poll below finds the retry due
        AlertProperties properties = new AlertProperties(Duration.ofSeconds(1), Duration.ofMillis(1),
                Duration.ofMillis(1), 3, Duration.ofSeconds(5), null, null, null, null);
        AlertDeliveries deliveries = new AlertDeliveries(store, properties, new AlertMetrics(registry), live());
        store.saveSubscription("c1", new AlertSubscription("http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook", "the-webhook-secret-123", AlertEvent.ALL, 3, Instant.now()));
        store.enqueue("d-1", "c1", AlertEvent.FAILED, "{}", Instant.now().minusSeconds(1));

        for (int poll = 0; poll < 3; poll++) {
            await(Duration.ofMillis(5));
            assertThat(deliveries.deliverDue()).isZero();
        }
        assertThat(deliveries.deliverDue()).as("given up: nothing more to send").isZero();

        assertThat(posts.get()).isEqualTo(3);
        AlertDeliveryView delivery = store.deliveries("c1", 10).get(0);
        assertThat(delivery.status()).isEqualTo("GAVE_UP");
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.lastStatus()).isEqualTo(503);
        assertThat(delivery.lastError()).isEqualTo("the webhook answered HTTP 503");
        assertThat(registry.get("passerelle.alerts").tags("event", "FAILED", "outcome", "retried").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("passerelle.alerts").tags("event", "FAILED", "outcome", "gave_up").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aDeliveryWhoseWebhookWasRemovedIsGivenUp() {
        AlertProperties properties = new AlertProperties(null, null, null, null, null, null, null, null, null);
        AlertDeliveries deliveries = new AlertDeliveries(store, properties,
                new AlertMetrics(new SimpleMeterRegistry()), live());
        store.enqueue("d-2", "c1", AlertEvent.RECOVERED, "{}", Instant.now().minusSeconds(1));
        assertThat(deliveries.deliverDue()).isZero();
        assertThat(posts.get()).isZero();
        assertThat(store.deliveries("c1", 10).get(0).status()).isEqualTo("GAVE_UP");
        assertThat(store.deliveries("c1", 10).get(0).lastError()).contains("no webhook");
    }

    /** The wall clock moves past a 1 ms backoff (no sleep: a due time in the past is due). */
    private static void await(Duration wait) {
        org.awaitility.Awaitility.await().pollDelay(wait).until(() -> true);
    }

    private static ConnectionDirectory live() {
        Connection c1 = new Connection("c1", null, "avantage", List.of(), Map.of(), Map.of(), Map.of(), null, false,
                Instant.now(), Instant.now());
        return new ConnectionDirectory() {
            @Override
            public Optional<Connection> find(String id) {
                return "c1".equals(id) ? Optional.of(c1) : Optional.empty();
            }

            @Override
            public List<Connection> all() {
                return List.of(c1);
            }

            @Override
            public <T> T lockedForRun(String id, Function<Connection, T> start) {
                return start.apply(c1);
            }
        };
    }
}
