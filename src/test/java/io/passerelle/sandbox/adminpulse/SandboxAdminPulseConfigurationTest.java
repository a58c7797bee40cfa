package io.passerelle.sandbox.adminpulse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SandboxAdminPulseConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SandboxAdminPulseConfiguration.class);

    @Test
    void startsTheSimulatorAndPublishesItsPort() {
        runner.withPropertyValues("passerelle.sandbox.adminpulse.enabled=true", "passerelle.sandbox.adminpulse.port=0",
                        "passerelle.sandbox.adminpulse.api-token=k3y", "passerelle.sandbox.adminpulse.too-many-requests-every=5")
                .run(context -> {
                    AdminPulseSimulator sim = context.getBean(AdminPulseSimulator.class);
                    assertThat(context.getEnvironment().resolvePlaceholders(
                            "http://127.0.0.1:${passerelle.sandbox.adminpulse.bound-port}")).isEqualTo(sim.url());
                    assertThat(sim.properties().apiToken()).isEqualTo("k3y");
                    assertThat(sim.properties().noScopeToken()).isEqualTo(AdminPulseSimulatorProperties.DEMO_NO_SCOPE_TOKEN);
                    assertThat(sim.properties().tooManyRequestsEvery()).isEqualTo(5);
                    assertThat(sim.properties().retryAfter().toSeconds()).isEqualTo(1);
                    assertThat(sim.properties().toString()).doesNotContain("k3y").doesNotContain("no-scope");
                });
    }

    @Test
    void staysOffUnlessEnabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(AdminPulseSimulator.class));
    }
}
