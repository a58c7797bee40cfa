package io.passerelle.erp.avantage;

import io.passerelle.TestDatabases;
import io.passerelle.timesheet.PostgresSchema;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sync scenario on PostgreSQL, in a schema of its own. Runs when {@code PASSERELLE_TEST_DB_URL}
 * names a database (CI gives one: see .ci/run); JUnit reports it skipped otherwise.
 */
@CamelSpringBootTest
@SpringBootTest
@ActiveProfiles({"sandbox", "test"})
@DirtiesContext
@EnabledIfEnvironmentVariable(named = "PASSERELLE_TEST_DB_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db")
class AvantageSyncFlowPostgresTest extends SyncFlowScenario {

    static final String SCHEMA = TestDatabases.freshSchema("passerelle_test");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.use(registry, SCHEMA);
    }
}
