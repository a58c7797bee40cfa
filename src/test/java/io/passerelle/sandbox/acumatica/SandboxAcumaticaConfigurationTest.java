package io.passerelle.sandbox.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SandboxAcumaticaConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SandboxAcumaticaConfiguration.class);

    @Test
    void startsTheSimulatorAndPublishesItsPort() {
        runner.withPropertyValues("passerelle.sandbox.acumatica.enabled=true", "passerelle.sandbox.acumatica.port=0",
                        "passerelle.sandbox.acumatica.password=s3cret")
                .run(context -> {
                    AcumaticaSimulator sim = context.getBean(AcumaticaSimulator.class);
                    assertThat(context.getEnvironment().resolvePlaceholders(
                            "http://127.0.0.1:${passerelle.sandbox.acumatica.bound-port}")).isEqualTo(sim.url());
                    assertThat(sim.properties().loginLimit()).isEqualTo(2);
                    assertThat(sim.properties().toString()).doesNotContain("s3cret");
                });
    }

    @Test
    void staysOffUnlessEnabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(AcumaticaSimulator.class));
    }
}
