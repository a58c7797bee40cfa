package io.passerelle.sync;

import java.util.UUID;
import javax.sql.DataSource;

import io.passerelle.timesheet.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link SearchTextBackfillTest} on PostgreSQL, in a schema of its own; skipped unless {@code PASSERELLE_TEST_DB_URL} is set. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db")
class SearchTextBackfillPostgresTest extends SearchTextBackfillTest {

    private final String schema = "passerelle_search_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    protected DataSource dataSource() {
        String url = System.getenv(PostgresSchema.ENV);
        return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                System.getenv().getOrDefault("PASSERELLE_TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("PASSERELLE_TEST_DB_PASSWORD", ""));
    }

    @Override
    protected String schema() {
        return schema;
    }
}
