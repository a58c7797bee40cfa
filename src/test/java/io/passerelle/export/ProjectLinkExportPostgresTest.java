package io.passerelle.export;

import java.util.UUID;
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

    static final String SCHEMA = "passerelle_links_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = System.getenv("PASSERELLE_TEST_DB_URL");
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("PASSERELLE_TEST_DB_USER", "postgres"));
        registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("PASSERELLE_TEST_DB_PASSWORD", ""));
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }
}
