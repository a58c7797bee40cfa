package io.passerelle.api;

import io.passerelle.timesheet.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ConnectionOwnershipApiTest} on PostgreSQL (the ownership reads, the row lock that reads the owner, the company
 * listing limited to open connections); skipped unless {@code PASSERELLE_TEST_DB_URL} names one (see .ci/run).
 */
@DirtiesContext
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db")
class ConnectionOwnershipApiPostgresTest extends ConnectionOwnershipApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry, "passerelle_owners");
    }
}
