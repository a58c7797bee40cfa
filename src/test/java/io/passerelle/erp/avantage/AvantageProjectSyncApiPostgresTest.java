package io.passerelle.erp.avantage;

import io.passerelle.timesheet.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AvantageProjectSyncApiTest} on PostgreSQL (V18's purchase orders with their date and lines, a run's project,
 * the vendors' new columns); skipped unless {@code PASSERELLE_TEST_DB_URL} names one (see .ci/run).
 */
@DirtiesContext
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db")
class AvantageProjectSyncApiPostgresTest extends AvantageProjectSyncApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry, "passerelle_avantage_projects");
    }
}
