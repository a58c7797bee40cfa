package io.passerelle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class ProductionDatabaseCheckTest {

    final ProductionDatabaseCheck check = new ProductionDatabaseCheck(new DeferredLogs());

    @Test
    void productionWithoutADatabaseIsRefusedNamingTheVariable() {
        MockEnvironment unresolved = production().withProperty("spring.datasource.url", "${SPRING_DATASOURCE_URL}");
        assertThatThrownBy(() -> check.postProcessEnvironment(unresolved, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("set SPRING_DATASOURCE_URL");
        assertThatThrownBy(() -> check.postProcessEnvironment(production(), new SpringApplication()))
                .hasMessageContaining("set SPRING_DATASOURCE_URL");
        MockEnvironment blank = production().withProperty("spring.datasource.url", " ");
        assertThatThrownBy(() -> check.postProcessEnvironment(blank, new SpringApplication()))
                .hasMessageContaining("never falls back to the embedded H2 file");
    }

    @Test
    void productionOnPostgresqlOrOnAnH2GivenOnPurposeStarts() {
        MockEnvironment postgres = production().withProperty("spring.datasource.url", "${SPRING_DATASOURCE_URL}")
                .withProperty("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/passerelle");
        assertThatCode(() -> check.postProcessEnvironment(postgres, new SpringApplication())).doesNotThrowAnyException();
        MockEnvironment h2 = production().withProperty("spring.datasource.url", "jdbc:h2:file:./data/passerelle");
        assertThatCode(() -> check.postProcessEnvironment(h2, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void otherProfilesAreLeftAlone() {
        MockEnvironment sandbox = new MockEnvironment();
        sandbox.setActiveProfiles("sandbox");
        assertThatCode(() -> check.postProcessEnvironment(sandbox, new SpringApplication())).doesNotThrowAnyException();
        assertThatCode(() -> check.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    static MockEnvironment production() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("production");
        return environment;
    }
}
