package io.passerelle.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless bearer-token security. Reads on {@code /api/**} need any role; writes need ADMIN or ENGINEER,
 * except approvals (ADMIN or APPROVER, then the kind's capability, see {@link ApprovalAccess}).
 * {@code /actuator/health} is open for load balancers; the rest of the actuator needs a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

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
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, ObjectMapper json) throws Exception {
        ProblemResponseWriter problems = new ProblemResponseWriter(json);
        http
                .csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing for CSRF to ride on
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").authenticated()
                        .requestMatchers("/api/approvals/**").hasAnyRole(Role.ADMIN.name(), Role.APPROVER.name())
                        .requestMatchers("/api/**").hasAnyRole(Role.ADMIN.name(), Role.ENGINEER.name())
                        .anyRequest().authenticated());
        return http.build();
    }
}
