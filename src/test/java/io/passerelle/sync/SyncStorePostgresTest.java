package io.passerelle.sync;

import com.zaxxer.hikari.HikariDataSource;
import io.passerelle.TestDatabases;
import io.passerelle.timesheet.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link SyncStoreTest} on PostgreSQL, in a schema of its own per test; skipped unless {@code PASSERELLE_TEST_DB_URL} names one. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db")
class SyncStorePostgresTest extends SyncStoreTest {

    private final String schema = TestDatabases.freshSchema("passerelle_store");

    @Override
    protected HikariDataSource database() {
        return TestDatabases.postgres(schema);
    }

    @Override
    protected String[] schema() {
        return new String[] {schema};
    }

    @AfterEach
    void dropSchema() {
        jdbc.execute("drop schema " + schema + " cascade");
    }
}
