package io.passerelle.api;

import io.passerelle.timesheet.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ImportJobApiTest} on PostgreSQL (the JSON lists and dates of a job, typed null parameters, the lines' error
 * counts, a job's connection archived and created again); skipped unless {@code PASSERELLE_TEST_DB_URL} names one.
 */
@DirtiesContext
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db")
class ImportJobApiPostgresTest extends ImportJobApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry, "passerelle_jobs");
    }
}
