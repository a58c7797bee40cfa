package io.passerelle.erp.sevenoffice;

import io.passerelle.timesheet.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SevenOfficeCompaniesApiTest} on PostgreSQL (the remote references and cursors by company of V16, the bare
 * company's delete refused by its foreign keys in a transaction of its own); skipped unless
 * {@code PASSERELLE_TEST_DB_URL} names one (see .ci/run).
 */
@DirtiesContext
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db")
class SevenOfficeCompaniesApiPostgresTest extends SevenOfficeCompaniesApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry, "passerelle_sevenoffice");
    }
}
