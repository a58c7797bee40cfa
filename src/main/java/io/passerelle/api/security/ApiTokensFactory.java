package io.passerelle.api.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Gathers the accepted tokens: the configured hashes, plus one ADMIN token from {@code PASSERELLE_ADMIN_TOKEN}.
 * With no ADMIN token among them, the sandbox makes one up (see {@link SandboxAdminToken}): adding an approver's
 * or an engineer's token to try the approval walkthrough must not lock out the person who added it. Every other
 * profile refuses to start without any token: an API nobody can call is a misconfiguration, an API anybody can
 * call is worse.
 */
public class ApiTokensFactory {

    static final String ADMIN_TOKEN_VARIABLE = "PASSERELLE_ADMIN_TOKEN";
    private static final Logger log = LoggerFactory.getLogger(ApiTokensFactory.class);

    private final ApiSecurityProperties properties;
    private final Environment environment;

    public ApiTokensFactory(ApiSecurityProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public ApiTokens create() {
        List<ApiTokens.KnownToken> tokens = new ArrayList<>();
        for (ApiSecurityProperties.ConfiguredToken configured : properties.tokens()) {
            tokens.add(known(configured));
        }
        String adminToken = environment.getProperty(ADMIN_TOKEN_VARIABLE);
        if (adminToken != null && !adminToken.isBlank()) {
            tokens.add(admin("admin (" + ADMIN_TOKEN_VARIABLE + ")", adminToken.trim()));
        }
        boolean sandbox = environment.acceptsProfiles(Profiles.of("sandbox"));
        if (tokens.isEmpty() && !sandbox) {
            throw new IllegalStateException("No API token configured: set " + ADMIN_TOKEN_VARIABLE
                    + " or list passerelle.security.tokens[] (name, role, sha256 of the token). "
                    + "Only the sandbox profile makes one up.");
        }
        if (sandbox && tokens.stream().noneMatch(token -> token.principal().role() == Role.ADMIN)) {
            Path dataDir = Path.of(environment.getProperty("passerelle.data-dir", "data"));
            tokens.add(admin("sandbox admin", new SandboxAdminToken(dataDir.resolve("admin-token")).obtain()));
        }
        log.info("API: {} token(s) accepted", tokens.size());
        return new ApiTokens(tokens);
    }

    private static ApiTokens.KnownToken known(ApiSecurityProperties.ConfiguredToken configured) {
        String name = configured.name() == null || configured.name().isBlank() ? "(unnamed)" : configured.name();
        if (configured.role() == null) {
            throw new IllegalStateException("passerelle.security.tokens '" + name
                    + "': role is required (ADMIN, ENGINEER, APPROVER or VIEWER)");
        }
        if (!configured.capabilities().isEmpty() && configured.role() != Role.APPROVER) {
            log.warn("API token '{}': capabilities only matter for the APPROVER role; {} ignores them", name,
                    configured.role());
        }
        return new ApiTokens.KnownToken(new ApiPrincipal(name, configured.role(), configured.capabilities()),
                TokenHasher.parseHex(configured.sha256(), name));
    }

    private static ApiTokens.KnownToken admin(String name, String token) {
        return new ApiTokens.KnownToken(new ApiPrincipal(name, Role.ADMIN, Set.of()), TokenHasher.sha256(token));
    }
}
