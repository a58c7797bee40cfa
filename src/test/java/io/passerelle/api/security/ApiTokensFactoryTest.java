package io.passerelle.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class ApiTokensFactoryTest {

    private static final ApiSecurityProperties NONE = new ApiSecurityProperties(List.of());

    @TempDir
    Path dataDir;

    @Test
    void outsideTheSandboxRefusesToStartWithoutAToken() {
        MockEnvironment env = environment("prod");
        assertThatThrownBy(() -> new ApiTokensFactory(NONE, env).create())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PASSERELLE_ADMIN_TOKEN");
    }

    @Test
    void theAdminTokenVariableAddsAnAdmin() {
        MockEnvironment env = environment("prod").withProperty("PASSERELLE_ADMIN_TOKEN", "from-env");
        ApiTokens tokens = new ApiTokensFactory(NONE, env).create();
        assertThat(tokens.authenticate("from-env")).map(ApiPrincipal::role).contains(Role.ADMIN);
    }

    @Test
    void theSandboxMakesUpATokenPrintsItOnceAndKeepsIt(CapturedOutput output) throws Exception {
        ApiTokens first = new ApiTokensFactory(NONE, environment("sandbox")).create();
        String token = Files.readString(dataDir.resolve("admin-token")).trim();
        assertThat(first.authenticate(token)).map(ApiPrincipal::role).contains(Role.ADMIN);

        ApiTokens second = new ApiTokensFactory(NONE, environment("sandbox")).create();
        assertThat(second.authenticate(token)).isPresent();
        assertThat(output.getAll().split(token, -1)).hasSize(2); // printed exactly once
    }

    @Test
    void theSandboxMakesNoTokenWhenOneIsConfigured() {
        ApiSecurityProperties one = new ApiSecurityProperties(List.of(new ApiSecurityProperties.ConfiguredToken(
                "ci", Role.ENGINEER, Set.of(), TokenHasher.sha256Hex("ci-token"))));
        ApiTokens tokens = new ApiTokensFactory(one, environment("sandbox")).create();
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(dataDir.resolve("admin-token")).doesNotExist();
    }

    @Test
    void aTokenNeedsARole() {
        ApiSecurityProperties noRole = new ApiSecurityProperties(List.of(new ApiSecurityProperties.ConfiguredToken(
                "ci", null, null, TokenHasher.sha256Hex("ci-token"))));
        assertThatThrownBy(() -> new ApiTokensFactory(noRole, environment("prod")).create())
                .hasMessageContaining("'ci'").hasMessageContaining("role");
    }

    private MockEnvironment environment(String profile) {
        MockEnvironment env = new MockEnvironment().withProperty("passerelle.data-dir", dataDir.toString());
        env.setActiveProfiles(profile);
        return env;
    }
}
