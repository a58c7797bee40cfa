package io.passerelle.export;

import com.zaxxer.hikari.HikariDataSource;
import io.passerelle.timesheet.PostgresSchema;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link ExportEngineTest} on PostgreSQL, in a schema of its own per test; skipped unless {@code PASSERELLE_TEST_DB_URL} names one. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db")
class ExportEnginePostgresTest extends ExportEngineTest {

    private final String schema = "passerelle_engine_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    protected HikariDataSource database() {
        String url = System.getenv(PostgresSchema.ENV);
        HikariDataSource postgres = new HikariDataSource();
        postgres.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        postgres.setUsername(System.getenv().getOrDefault("PASSERELLE_TEST_DB_USER", "postgres"));
        postgres.setPassword(System.getenv().getOrDefault("PASSERELLE_TEST_DB_PASSWORD", ""));
        return postgres;
    }

    @Override
    protected String[] schema() {
        return new String[] {schema};
    }

    @AfterEach
    void dropSchema() {
        jdbc.getJdbcTemplate().execute("drop schema " + schema + " cascade");
    }
}
