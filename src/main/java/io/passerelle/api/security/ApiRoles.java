package io.passerelle.api.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.util.AntPathMatcher;

/**
 * Which roles may call which {@code /api/**} paths: the one table that the API's chain ({@link SecurityConfiguration})
 * enforces and that its OpenAPI document shows on each operation, so that the two cannot say different things. The
 * first rule that matches decides, as in the chain. Approvals are then held to the kind's capability
 * ({@link ApprovalAccess}) and connections to their owner ({@link ConnectionAccess}), in the controllers.
 */
public final class ApiRoles {

    private static final Set<Role> ANY = EnumSet.allOf(Role.class);
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /** Requests of {@code method} (null: any method) to paths matching {@code pattern} need one of {@code roles}. */
    record Rule(HttpMethod method, String pattern, Set<Role> roles) {
    }

    static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.GET, "/api/**", ANY),
            new Rule(HttpMethod.HEAD, "/api/**", ANY),
            new Rule(null, "/api/approvals/**", EnumSet.of(Role.ADMIN, Role.APPROVER)),
            new Rule(null, "/api/**", EnumSet.of(Role.ADMIN, Role.ENGINEER)));

    private ApiRoles() {
    }

    /** Adds the table's rules to the API chain's, in its order. */
    static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (Rule rule : RULES) {
            var matched = rule.method() == null
                    ? requests.requestMatchers(rule.pattern())
                    : requests.requestMatchers(rule.method(), rule.pattern());
            if (rule.roles().equals(ANY)) {
                matched.authenticated(); // every token has one of the roles
            } else {
                matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
            }
        }
    }

    /**
     * The roles that may call {@code method} on {@code path}, a path as the controllers map it ({@code {id}} matches a
     * segment's wildcard as any value would); empty for a path the table does not cover.
     */
    public static Set<Role> rolesFor(String method, String path) {
        return RULES.stream()
                .filter(rule -> rule.method() == null || rule.method().matches(method.toUpperCase()))
                .filter(rule -> PATHS.match(rule.pattern(), path))
                .findFirst().map(rule -> (Set<Role>) EnumSet.copyOf(rule.roles()))
                .orElse(EnumSet.noneOf(Role.class));
    }
}
