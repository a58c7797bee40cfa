package io.passerelle.sandbox.sevenoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SandboxSevenOfficeConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SandboxSevenOfficeConfiguration.class);

    @Test
    void startsTheSimulatorAndPublishesItsPort() {
        runner.withPropertyValues("passerelle.sandbox.twentyfoursevenoffice.enabled=true",
                        "passerelle.sandbox.twentyfoursevenoffice.port=0",
                        "passerelle.sandbox.twentyfoursevenoffice.too-many-requests-every=5")
                .run(context -> {
                    SevenOfficeSimulator sim = context.getBean(SevenOfficeSimulator.class);
                    assertThat(context.getEnvironment().resolvePlaceholders(
                            "http://127.0.0.1:${passerelle.sandbox.twentyfoursevenoffice.bound-port}")).isEqualTo(sim.url());
                    assertThat(SandboxSevenOfficeConfiguration.BOUND_PORT_PROPERTY)
                            .isEqualTo("passerelle.sandbox.twentyfoursevenoffice.bound-port");
                    assertThat(sim.properties().clients()).isEqualTo(SevenOfficeSimulatorProperties.DEFAULT_CLIENTS);
                    assertThat(sim.properties().tokenTtl().toSeconds()).isEqualTo(86_400);
                    assertThat(sim.properties().tooManyRequestsEvery()).isEqualTo(5);
                    assertThat(sim.properties().toString()).contains(SevenOfficeSimulatorProperties.CLIENT_B)
                            .doesNotContain("secret");
                });
    }

    @Test
    void theClientsTheirOrganizationsAndScopesAreConfigurable() {
        String client = "passerelle.sandbox.twentyfoursevenoffice.clients[0].";
        runner.withPropertyValues("passerelle.sandbox.twentyfoursevenoffice.enabled=true",
                        client + "client-id=ops-app", client + "client-secret=s3cr3t", client + "organizations=4712,4711",
                        client + "scopes=api.crm.customer:read")
                .run(context -> {
                    SevenOfficeSimulator sim = context.getBean(SevenOfficeSimulator.class);
                    assertThat(sim.properties().clients()).containsExactly(new SevenOfficeSimulatorProperties.Client(
                            "ops-app", "s3cr3t", List.of(4712L, 4711L), "api.crm.customer:read"));
                    assertThat(sim.properties().toString()).doesNotContain("s3cr3t");
                });
    }

    @Test
    void staysOffUnlessEnabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(SevenOfficeSimulator.class));
    }
}
