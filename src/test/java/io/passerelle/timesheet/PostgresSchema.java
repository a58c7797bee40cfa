package io.passerelle.timesheet;

import io.passerelle.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a test context at the PostgreSQL database named by {@code PASSERELLE_TEST_DB_URL}, in a fresh schema of
 * its own, so that the timesheet and code map tests run there as they do on H2.
 */
public final class PostgresSchema {

    public static final String ENV = "PASSERELLE_TEST_DB_URL";

    private PostgresSchema() {
    }

    public static void register(DynamicPropertyRegistry registry, String prefix) {
        use(registry, TestDatabases.freshSchema(prefix));
    }

    /** As {@link #register}, in the schema named, for a test that drops it afterwards. */
    public static void use(DynamicPropertyRegistry registry, String schema) {
        String url = System.getenv(ENV);
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("PASSERELLE_TEST_DB_USER", "postgres"));
        registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("PASSERELLE_TEST_DB_PASSWORD", ""));
        registry.add("spring.flyway.schemas", () -> schema);
    }
}
