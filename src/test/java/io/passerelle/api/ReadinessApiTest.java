package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

/**
 * While Spring Boot's readiness state refuses traffic (start-up until the bootstrap is done, shut-down), the API
 * answers 503 with Retry-After and the readiness probe says so; the actuator stays reachable. The state is
 * published here, as Spring Boot does.
 */
class ReadinessApiTest extends ApiTestSupport {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void readyAgain() {
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void theApiIs503WithRetryAfterUntilReady() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

        for (String token : new String[] {ADMIN, null}) {
            Response notYet = call("GET", "/api/connections/boot-acumatica", token);
            assertThat(notYet.status()).isEqualTo(503);
            assertThat(notYet.header("Content-Type")).startsWith("application/problem+json");
            assertThat(notYet.header("Retry-After")).isEqualTo("5");
            assertThat(notYet.node().path("status").asInt()).isEqualTo(503);
            assertThat(notYet.node().path("detail").asText()).contains("not ready");
            assertThat(notYet.node().path("errors").isArray()).isTrue();
        }
        assertThat(call("POST", "/api/connections/boot-acumatica/sync/all", ADMIN).status()).isEqualTo(503);

        Response readiness = call("GET", "/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.node().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(call("GET", "/actuator/health/liveness", null).status()).isEqualTo(200);
        Response health = call("GET", "/actuator/health", null);
        assertThat(health.node().path("status").asText()).as("health is not UP before the API is").isEqualTo("OUT_OF_SERVICE");
        assertThat(call("GET", "/actuator/metrics", ADMIN).status()).as("the actuator stays reachable").isEqualTo(200);

        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);

        assertThat(call("GET", "/api/connections/boot-acumatica", ADMIN).status()).isEqualTo(200);
        assertThat(call("GET", "/actuator/health/readiness", null).status()).isEqualTo(200);
    }
}
