package io.passerelle;

import com.zaxxer.hikari.HikariDataSource;
import io.passerelle.timesheet.PostgresSchema;
import java.util.UUID;

/**
 * Databases for plain JUnit tests that need the real schema without a Spring context: a private H2 in memory
 * with the application's settings, or a fresh schema of the PostgreSQL named by {@code PASSERELLE_TEST_DB_URL}.
 * Migrate them with Flyway; close them after the test.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static HikariDataSource h2() {
        HikariDataSource h2 = new HikariDataSource();
        h2.setJdbcUrl("jdbc:h2:mem:test-" + UUID.randomUUID()
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        h2.setMaximumPoolSize(4);
        return h2;
    }

    /** Connections whose search path is {@code schema}, which Flyway creates when given it. */
    public static HikariDataSource postgres(String schema) {
        String url = System.getenv(PostgresSchema.ENV);
        HikariDataSource postgres = new HikariDataSource();
        postgres.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        postgres.setUsername(System.getenv().getOrDefault("PASSERELLE_TEST_DB_USER", "postgres"));
        postgres.setPassword(System.getenv().getOrDefault("PASSERELLE_TEST_DB_PASSWORD", ""));
        postgres.setMaximumPoolSize(4);
        return postgres;
    }

    public static String freshSchema(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
