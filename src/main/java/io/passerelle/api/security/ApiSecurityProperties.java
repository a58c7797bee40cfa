package io.passerelle.api.security;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.security.tokens[]}: the API tokens, each with a name (for logs and run history), a role,
 * the capabilities of an APPROVER, and the hex SHA-256 of the token. The tokens themselves are never
 * configured, only their hashes.
 */
@ConfigurationProperties("passerelle.security")
public record ApiSecurityProperties(List<ConfiguredToken> tokens) {

    public ApiSecurityProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    public record ConfiguredToken(String name, Role role, Set<Capability> capabilities, String sha256) {

        public ConfiguredToken {
            capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        }
    }
}
