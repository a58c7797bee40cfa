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
    void theSandboxMakesNoTokenWhenAnAdminIsConfigured() {
        ApiSecurityProperties admin = new ApiSecurityProperties(List.of(configured("ops", Role.ADMIN)));
        ApiTokens tokens = new ApiTokensFactory(admin, environment("sandbox")).create();
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(dataDir.resolve("admin-token")).doesNotExist();
    }

    @Test
    void theSandboxMakesNoTokenWhenTheAdminVariableIsSet() {
        MockEnvironment env = environment("sandbox").withProperty("PASSERELLE_ADMIN_TOKEN", "from-env");
        ApiTokens tokens = new ApiTokensFactory(NONE, env).create();
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(dataDir.resolve("admin-token")).doesNotExist();
    }

    /** The README's approver walkthrough: adding approvers' tokens keeps the generated admin token working. */
    @Test
    void approversAddedInTheSandboxDoNotLockTheAdminOut() throws Exception {
        String before = Files.readString(writeAdminToken()).trim();
        ApiSecurityProperties approvers = new ApiSecurityProperties(List.of(
                configured("marie", Role.APPROVER), configured("ci", Role.ENGINEER)));
        ApiTokens tokens = new ApiTokensFactory(approvers, environment("sandbox")).create();
        assertThat(tokens.authenticate(before)).map(ApiPrincipal::role).contains(Role.ADMIN);
        assertThat(tokens.authenticate("marie-token")).map(ApiPrincipal::name).contains("marie");
        assertThat(tokens.size()).isEqualTo(3);
    }

    @Test
    void outsideTheSandboxConfiguredTokensAreAllThereIs() {
        ApiSecurityProperties one = new ApiSecurityProperties(List.of(configured("ci", Role.ENGINEER)));
        ApiTokens tokens = new ApiTokensFactory(one, environment("prod")).create();
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(dataDir.resolve("admin-token")).doesNotExist();
    }

    private Path writeAdminToken() {
        new ApiTokensFactory(NONE, environment("sandbox")).create();
        return dataDir.resolve("admin-token");
    }

    private static ApiSecurityProperties.ConfiguredToken configured(String name, Role role) {
        return new ApiSecurityProperties.ConfiguredToken(name, role, Set.of(), TokenHasher.sha256Hex(name + "-token"));
    }

    @Test
    void aTokenNeedsARole() {
        ApiSecurityProperties noRole = new ApiSecurityProperties(List.of(configured("ci", null)));
        assertThatThrownBy(() -> new ApiTokensFactory(noRole, environment("prod")).create())
                .hasMessageContaining("'ci'").hasMessageContaining("role");
    }

    private MockEnvironment environment(String profile) {
        MockEnvironment env = new MockEnvironment().withProperty("passerelle.data-dir", dataDir.toString());
        env.setActiveProfiles(profile);
        return env;
    }
}
