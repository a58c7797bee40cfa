package io.passerelle.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.yaml.snakeyaml.Yaml;

class NewApiTokenTest {

    private static final Path SOURCE = Path.of("src/main/java/io/passerelle/api/security/NewApiToken.java");

    @Test
    void hashesAsTheApiDoes() {
        assertThat(NewApiToken.sha256Hex("test-admin-token")).isEqualTo(TokenHasher.sha256Hex("test-admin-token"))
                .isEqualTo("17d6bfe05d1b1fb7bc499f8e3f639c7b3eda4c40f321eef8887a0c04c89a99c5");
    }

    @Test
    void theEntryItPrintsIsATokenTheApiAccepts() {
        String token = NewApiToken.newToken();
        String entry = NewApiToken.entry("marie", "APPROVER", "commitments, invoices", NewApiToken.sha256Hex(token));

        List<Map<String, Object>> yaml = new Yaml().load(entry);
        ApiSecurityProperties.ConfiguredToken configured = new Binder(new MapConfigurationPropertySource(Map.of(
                "name", yaml.get(0).get("name"), "role", yaml.get(0).get("role"),
                "capabilities", String.join(",", (List<String>) yaml.get(0).get("capabilities")),
                "sha256", yaml.get(0).get("sha256"))))
                .bindOrCreate("", Bindable.of(ApiSecurityProperties.ConfiguredToken.class));
        ApiTokens tokens = new ApiTokensFactory(new ApiSecurityProperties(List.of(configured)),
                new org.springframework.mock.env.MockEnvironment()).create();

        assertThat(tokens.authenticate(token)).hasValueSatisfying(principal -> {
            assertThat(principal.name()).isEqualTo("marie");
            assertThat(principal.role()).isEqualTo(Role.APPROVER);
            assertThat(principal.capabilities()).containsExactlyInAnyOrder(Capability.COMMITMENTS, Capability.INVOICES);
        });
    }

    /** The README runs it with nothing but a JDK: as a single source file, outside the build. */
    @Test
    void runsAsASingleSourceFileWithTheJdkAlone() throws Exception {
        Process hash = java("--hash");
        hash.getOutputStream().write("test-admin-token".getBytes(StandardCharsets.UTF_8));
        hash.getOutputStream().close();
        assertThat(finished(hash)).isEqualTo(0);
        assertThat(new String(hash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
                .isEqualTo(TokenHasher.sha256Hex("test-admin-token"));

        Process made = java("luc", "approver", "INVOICES");
        made.getOutputStream().close();
        assertThat(finished(made)).isEqualTo(0);
        String token = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String instructions = new String(made.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(instructions).contains("- {name: luc, role: APPROVER, capabilities: [INVOICES], sha256: "
                + TokenHasher.sha256Hex(token) + "}");
    }

    @Test
    void refusesAnUnknownRole() throws Exception {
        Process made = java("luc", "boss");
        made.getOutputStream().close();
        assertThat(finished(made)).isEqualTo(2);
        assertThat(new String(made.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("'boss'");
        assertThat(made.getInputStream().readAllBytes()).isEmpty();
    }

    private static Process java(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), SOURCE.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static int finished(Process process) throws InterruptedException {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the tool finished").isTrue();
        return process.exitValue();
    }
}
