package io.passerelle.erp.avantage;

import java.util.UUID;
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

    static final String SCHEMA = "passerelle_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = System.getenv("PASSERELLE_TEST_DB_URL");
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("PASSERELLE_TEST_DB_USER", "postgres"));
        registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("PASSERELLE_TEST_DB_PASSWORD", ""));
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }
}
