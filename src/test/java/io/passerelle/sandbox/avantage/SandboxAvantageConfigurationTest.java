package io.passerelle.sandbox.avantage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The wiring alone, in a bare context: no application, no database. */
class SandboxAvantageConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SandboxAvantageConfiguration.class);

    @Test
    void startsTheSimulatorAndPublishesItsPort() {
        runner.withPropertyValues("passerelle.sandbox.avantage.enabled=true",
                        "passerelle.sandbox.avantage.sizes.employees=25",
                        "passerelle.sandbox.avantage.token-ttl=5m")
                .run(ctx -> {
                    AvantageSimulator sim = ctx.getBean(AvantageSimulator.class);
                    assertThat(sim.isRunning()).isTrue();
                    assertThat(ctx.getEnvironment().resolvePlaceholders(
                            "tcp://127.0.0.1:${passerelle.sandbox.avantage.bound-port}")).isEqualTo(sim.url());
                    assertThat(sim.dataset().count(AvantageEntity.EMPLOYEE)).isEqualTo(25);
                    assertThat(sim.tokenTtl()).hasMinutes(5);
                    assertThat(sim.encrypted()).isTrue();
                    assertThat(sim.properties().toString()).doesNotContain(sim.properties().encryptionKey());
                });
    }

    @Test
    void blankKeyServesWithoutEncryption() {
        runner.withPropertyValues("passerelle.sandbox.avantage.enabled=true",
                        "passerelle.sandbox.avantage.encryption-key=")
                .run(ctx -> assertThat(ctx.getBean(AvantageSimulator.class).greeting()).endsWith("ENC=NONE"));
    }

    @Test
    void staysOffUnlessEnabled() {
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(AvantageSimulator.class));
    }

    @Test
    void stopsWithTheContext() {
        AvantageSimulator[] held = new AvantageSimulator[1];
        runner.withPropertyValues("passerelle.sandbox.avantage.enabled=true")
                .run(ctx -> held[0] = ctx.getBean(AvantageSimulator.class));
        assertThat(held[0].isRunning()).isFalse();
    }
}
