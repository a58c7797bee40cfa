package io.passerelle.export;

import io.passerelle.TestDatabases;
import io.passerelle.timesheet.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ProjectLinkExportTest} on PostgreSQL, in a schema of its own. Runs when {@code PASSERELLE_TEST_DB_URL} names
 * one; JUnit reports it skipped otherwise.
 */
@DirtiesContext
@EnabledIfEnvironmentVariable(named = "PASSERELLE_TEST_DB_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db")
class ProjectLinkExportPostgresTest extends ProjectLinkExportTest {

    static final String SCHEMA = TestDatabases.freshSchema("passerelle_links");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.use(registry, SCHEMA);
    }
}
