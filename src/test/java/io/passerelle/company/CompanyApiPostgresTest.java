package io.passerelle.company;

import io.passerelle.timesheet.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link CompanyApiTest} on PostgreSQL (the unique number and ERP keys, the company row lock, typed null dates and
 * amounts, the search's boolean parameter); skipped unless {@code PASSERELLE_TEST_DB_URL} names one (see .ci/run).
 */
@DirtiesContext
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db")
class CompanyApiPostgresTest extends CompanyApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry, "passerelle_company");
    }
}
