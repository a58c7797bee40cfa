package io.passerelle.api.security;

import io.passerelle.api.ProblemWriter;
import io.passerelle.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Stateless bearer-token security. Reads on {@code /api/**} need any role; writes need ADMIN or ENGINEER,
 * except approvals (ADMIN or APPROVER, then the kind's capability, see {@link ApprovalAccess}).
 * {@code /actuator/health} is open for load balancers; the rest of the actuator needs a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    ApiTokens apiTokens(ApiSecurityProperties properties, Environment environment) {
        return new ApiTokensFactory(properties, environment).create();
    }

    /**
     * Bearer tokens are checked by {@link BearerTokenFilter}, not by an authentication manager. Declaring this
     * one keeps Spring Boot from creating its default user, whose generated password it would print.
     */
    @Bean
    AuthenticationManager noPasswordLogin() {
        return authentication -> {
            throw new ProviderNotFoundException("this API accepts bearer tokens only");
        };
    }

    @Bean
    FailedSignIns failedSignIns(SignInLimitProperties properties) {
        return new FailedSignIns(properties.failedSignInsPerMinute());
    }

    /**
     * The firewall's refusals (an unknown method; an encoded '/', '\', '.' or '%', a ';', '//', '..' in the path)
     * are answered here, rather than by a 400 that Spring Boot's error page would render. The firewall's message
     * is not repeated, in the answer nor in the log: for a refused header it quotes the header's value.
     */
    @Bean
    RequestRejectedHandler rejectedRequestsAreProblems(ProblemWriter problems) {
        return (request, response, e) -> {
            log.debug("Refused a {} request the firewall does not allow", request.getMethod());
            problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "the request is refused: an unknown method, "
                    + "or a path with an encoded '/', '\\', '.' or '%', a ';', '//', a '..' segment or a control "
                    + "character"));
        };
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, FailedSignIns failedSignIns,
            ProblemWriter problemWriter) throws Exception {
        ProblemResponseWriter problems = new ProblemResponseWriter(problemWriter, failedSignIns);
        http
                .csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing for CSRF to ride on
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, failedSignIns, problemWriter),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> {
                    requests
                            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers("/error").permitAll()
                            .requestMatchers("/actuator/**").authenticated();
                    // reads need any role; approvals ADMIN or APPROVER; other writes ADMIN or ENGINEER: one table,
                    // which the OpenAPI document shows too
                    ApiRoles.authorize(requests);
                    requests.anyRequest().authenticated();
                });
        return http.build();
    }
}
