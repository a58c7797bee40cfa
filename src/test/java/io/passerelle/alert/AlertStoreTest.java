package io.passerelle.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.passerelle.TestDatabases;
import io.passerelle.alert.AlertStore.Due;
import io.passerelle.alert.AlertStore.FlowKey;
import io.passerelle.connection.CredentialCipher;
import io.passerelle.run.SqlFiles;
import io.passerelle.timesheet.PostgresSchema;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The alert tables on H2 and, when {@code PASSERELLE_TEST_DB_URL} names one, on PostgreSQL (in a schema dropped after):
 * the secret stored encrypted, a flow's state as written, and an outbox row claimed by one poller only.
 */
class AlertStoreTest {

    private HikariDataSource dataSource;
    private String schema;

    static Stream<String> databases() {
        String url = System.getenv(PostgresSchema.ENV);
        return url != null && url.startsWith("jdbc:postgresql:") ? Stream.of("h2", "postgresql") : Stream.of("h2");
    }

    private AlertStore store(String database) {
        schema = database.equals("h2") ? null : TestDatabases.freshSchema("passerelle_alert_store");
        dataSource = schema == null ? TestDatabases.h2() : TestDatabases.postgres(schema);
        var flyway = Flyway.configure().dataSource(dataSource);
        (schema == null ? flyway : flyway.schemas(schema)).load().migrate();
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        jdbc.getJdbcTemplate().update("insert into company (code, name) values ('ACME', 'Acme')");
        jdbc.getJdbcTemplate().update("insert into connection (id, company_id, erp, credentials, schedules, options,"
                + " created_at, updated_at) select 'c1', id, 'avantage', 'x', '{}', '{}', current_timestamp,"
                + " current_timestamp from company");
        return new AlertStore(jdbc, new SqlFiles(), new CredentialCipher(new byte[CredentialCipher.KEY_BYTES]));
    }

    @AfterEach
    void closed() {
        if (schema != null) {
            new NamedParameterJdbcTemplate(dataSource).getJdbcTemplate()
                    .execute("drop schema if exists " + schema + " cascade");
        }
        dataSource.close();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSecretIsStoredEncryptedAndReadBack(String database) {
        AlertStore store = store(database);
        store.saveSubscription("c1", new AlertSubscription("https://h.example.com", "the-webhook-secret-123",
                List.of(AlertEvent.FAILED, AlertEvent.STALE), 4, Instant.now()));
        String stored = new NamedParameterJdbcTemplate(dataSource).getJdbcTemplate()
                .queryForObject("select secret from alert_subscription", String.class);
        assertThat(stored).startsWith("v1:").doesNotContain("the-webhook-secret-123");
        AlertSubscription read = store.subscription("c1").orElseThrow();
        assertThat(read.secret()).isEqualTo("the-webhook-secret-123");
        assertThat(read.events()).containsExactly(AlertEvent.FAILED, AlertEvent.STALE);
        assertThat(read.partialAfter()).isEqualTo(4);
        assertThat(store.subscribedToStale()).containsExactly("c1");
        assertThat(read.toString()).doesNotContain("the-webhook-secret-123");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFlowsStateIsReadAsWritten(String database) {
        AlertStore store = store(database);
        FlowKey key = FlowKey.of("c1", null, "projects");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        assertThat(store.lockState(key)).isEmpty();
        FlowAlertState state = new FlowAlertState(AlertEvent.FAILED, at, 2, at.minusSeconds(60), at.minusSeconds(120));
        store.saveState(key, false, null, 7L, "FAILED", state);
        assertThat(store.lockState(key).orElseThrow().state()).isEqualTo(state);
        assertThat(store.lockState(key).orElseThrow().lastRunId()).isEqualTo(7L);
        FlowAlertState recovered = new FlowAlertState(null, null, 0, at, at.minusSeconds(120));
        store.saveState(key, true, null, null, null, recovered);
        assertThat(store.lockState(key).orElseThrow().state()).isEqualTo(recovered);
        assertThat(store.lockState(key).orElseThrow().lastRunId()).as("kept").isEqualTo(7L);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDueDeliveryIsClaimedByOnePollerOnly(String database) {
        AlertStore store = store(database);
        Instant now = Instant.now();
        store.enqueue("d-1", "c1", AlertEvent.FAILED, "{\"event\":\"FAILED\"}", now);
        List<Due> first = store.due(now.plusSeconds(1), 10);
        List<Due> second = store.due(now.plusSeconds(1), 10);
        assertThat(first).hasSize(1);
        assertThat(store.claim(first.get(0), now.plusSeconds(60))).isTrue();
        assertThat(store.claim(second.get(0), now.plusSeconds(60))).as("the other instance's claim").isFalse();
        assertThat(store.due(now.plusSeconds(1), 10)).as("claimed: not due until its claim lapses").isEmpty();

        store.failed(first.get(0).id(), 1, 500, "the webhook answered HTTP 500", now.plusSeconds(10), false);
        assertThat(store.due(now.plusSeconds(11), 10)).extracting(Due::attempts).containsExactly(1);
        store.failed(first.get(0).id(), 2, null, "ConnectException", now.plus(Duration.ofSeconds(20)), true);
        assertThat(store.due(now.plus(Duration.ofDays(1)), 10)).as("given up").isEmpty();
        assertThat(store.deliveries("c1", 10)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("GAVE_UP");
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.lastError()).isEqualTo("ConnectException");
            assertThat(d.nextAttemptAt()).isNull();
        });
    }
}
