package io.passerelle.sandbox.abacus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SandboxAbacusConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SandboxAbacusConfiguration.class);

    @Test
    void startsTheSimulatorAndPublishesItsPort() {
        runner.withPropertyValues("passerelle.sandbox.abacus.enabled=true", "passerelle.sandbox.abacus.port=0",
                        "passerelle.sandbox.abacus.client-secret=s3cret",
                        "passerelle.sandbox.abacus.too-many-requests-every=5")
                .run(context -> {
                    AbacusSimulator sim = context.getBean(AbacusSimulator.class);
                    assertThat(context.getEnvironment().resolvePlaceholders(
                            "http://127.0.0.1:${passerelle.sandbox.abacus.bound-port}")).isEqualTo(sim.url());
                    assertThat(sim.properties().mandant()).isEqualTo("7777");
                    assertThat(sim.properties().tokenTtl().toSeconds()).isEqualTo(600);
                    assertThat(sim.properties().tooManyRequestsEvery()).isEqualTo(5);
                    assertThat(sim.properties().toString()).doesNotContain("s3cret");
                });
    }

    @Test
    void staysOffUnlessEnabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(AbacusSimulator.class));
    }
}
