package io.passerelle;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The production profile names its database: {@code config/application-production.yaml} sets
 * {@code spring.datasource.url} to {@code ${SPRING_DATASOURCE_URL}} with no default, so that a deployment that forgot
 * it never runs on the H2 file of application.yaml. Spring's binder would carry the unresolved placeholder to Hikari,
 * which only says "'url' must start with "jdbc""; this says what to set before anything starts. An H2 URL given on
 * purpose is allowed (one instance only), with a warning. Registered in META-INF/spring.factories.
 */
final class ProductionDatabaseCheck implements EnvironmentPostProcessor {

    static final String PROFILE = "production";
    static final String MISSING = "The production profile needs its database: set SPRING_DATASOURCE_URL (or "
            + "spring.datasource.url) to jdbc:postgresql://host:5432/database, with SPRING_DATASOURCE_USERNAME and "
            + "SPRING_DATASOURCE_PASSWORD. It never falls back to the embedded H2 file.";

    private final Log log;

    ProductionDatabaseCheck(DeferredLogFactory logs) {
        this.log = logs.getLog(ProductionDatabaseCheck.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        String url;
        try {
            url = environment.getProperty("spring.datasource.url");
        } catch (IllegalArgumentException unresolved) { // ${SPRING_DATASOURCE_URL} with nothing behind it
            throw new IllegalStateException(MISSING);
        }
        if (url == null || url.isBlank() || !url.startsWith("jdbc:")) {
            throw new IllegalStateException(MISSING);
        }
        if (url.startsWith("jdbc:h2:")) {
            // never the URL itself: it may carry a password
            log.warn("Production profile on H2: one instance only, and no clustered schedules; "
                    + "set SPRING_DATASOURCE_URL to PostgreSQL for more");
        }
    }
}
