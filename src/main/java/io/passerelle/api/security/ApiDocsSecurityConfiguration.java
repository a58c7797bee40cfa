package io.passerelle.api.security;

import java.util.Arrays;

import io.passerelle.api.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API's description and its Swagger UI, between the console's chain (order 1) and the API's (which takes every
 * other path). The OpenAPI document is read with any valid bearer token, or with a console session: a script reads it
 * as it reads the API, a person in the browser after signing in. Without either it is a 401 problem, as the API
 * answers. Swagger UI is a page of the console: without a session it leads to the sign-in page.
 *
 * <p>The session is only read here (the console's sign-in writes it, in the servlet session's default attribute), never
 * made: nothing on these paths signs in. Calls that Swagger UI's "Try it out" makes go to {@code /api/**}, whose chain
 * is stateless and never reads the session: they carry only the token typed into its Authorize dialog.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurityConfiguration {

    static final String[] DOCUMENT = {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**"};
    static final String[] UI = {"/swagger-ui.html", "/swagger-ui/**"};
    private static final String SIGN_IN = "/sign-in";

    @Bean
    @Order(2)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http, ApiTokens tokens, FailedSignIns failedSignIns,
            ProblemWriter problemWriter) throws Exception {
        ProblemResponseWriter problems = new ProblemResponseWriter(problemWriter, failedSignIns);
        RequestMatcher ui = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals(UI[0]) || path.startsWith("/swagger-ui/");
        };
        http
                .securityMatcher(concat(DOCUMENT, UI))
                // read-only paths (GET and HEAD only, below), and no form: nothing for CSRF to guard
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(new HttpSessionSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .addFilterBefore(new BearerTokenFilter(tokens, failedSignIns, problemWriter),
                        AnonymousAuthenticationFilter.class)
                .headers(headers -> headers
                        // the console's policy, and pictures from data: URIs, which Swagger UI's style sheet draws
                        // its icons with; its scripts and styles are files of its own (no inline script)
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN), ui)
                        .defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        // any role: each token may read what the API is, the rules of each operation included
                        .requestMatchers(HttpMethod.GET, concat(DOCUMENT, UI)).authenticated()
                        .requestMatchers(HttpMethod.HEAD, concat(DOCUMENT, UI)).authenticated()
                        .anyRequest().denyAll());
        return http.build();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
