package io.passerelle.alert;

import io.passerelle.TestDatabases;
import io.passerelle.timesheet.PostgresSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AlertWebhookApiTest} on PostgreSQL (V19, the row locks, the outbox's claims), in a schema of its own dropped
 * afterwards; skipped unless {@code PASSERELLE_TEST_DB_URL} names one (see .ci/run).
 */
@DirtiesContext
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db")
class AlertWebhookApiPostgresTest extends AlertWebhookApiTest {

    private static final String SCHEMA = TestDatabases.freshSchema("passerelle_alert");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.use(registry, SCHEMA);
    }

    @AfterAll
    static void schemaDropped() throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getenv(PostgresSchema.ENV), user(), password());
                Statement statement = connection.createStatement()) {
            // the name is ours (a prefix and hex digits), not anything a test read
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    private static String user() {
        return System.getenv().getOrDefault("PASSERELLE_TEST_DB_USER", "postgres");
    }

    private static String password() {
        return System.getenv().getOrDefault("PASSERELLE_TEST_DB_PASSWORD", "");
    }
}
