package io.passerelle.console;

import io.passerelle.api.security.Role;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The console's own filter chain, before the API's ({@code api/security/SecurityConfiguration}, which takes every
 * other path and is left as it is): a session cookie instead of a bearer token, so Spring Security's CSRF check on
 * every form. The session holds the signed-in token's {@code ApiPrincipal}, never the token; the API's chain is
 * stateless and never reads that session, so the cookie opens no {@code /api/**} call. Pages need a sign-in; each
 * action checks the caller again in its controller, as the API does, and the writes are first held to the roles the
 * API's chain holds them to.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    /** The paths this chain answers: everything else goes on to the API's. */
    static final String[] PATHS = {"/", "/sign-in", "/sign-out", "/console", "/console/**"};
    static final String SIGN_IN = "/sign-in";
    /** Where a refused request is forwarded to be shown in words (a forward does not pass the filters again). */
    static final String REFUSED = "/console/refused";

    @Bean
    @Order(1)
    SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleSessions sessions,
            @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) throws Exception {
        AccessDeniedHandlerImpl refused = new AccessDeniedHandlerImpl();
        refused.setErrorPage(REFUSED);
        http
                .securityMatcher(PATHS)
                .csrf(Customizer.withDefaults())
                // the form's token is put in the session while the page is made, before any of it is sent
                .addFilterAfter(new LoadCsrfToken(), CsrfFilter.class)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(sessions.repository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .logout(logout -> logout
                        .logoutUrl("/sign-out") // POST only, with its CSRF token
                        .logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies(sessionCookie))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN))
                        .accessDeniedHandler(refused))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", SIGN_IN, "/console/console.css").permitAll()
                        .requestMatchers(HttpMethod.POST, "/console/connections/*/sync/*")
                        .hasAnyRole(Role.ADMIN.name(), Role.ENGINEER.name())
                        .requestMatchers(HttpMethod.POST, "/console/connections/*/maps/*",
                                "/console/connections/*/export/*")
                        .hasAnyRole(Role.ADMIN.name(), Role.ENGINEER.name())
                        .requestMatchers(HttpMethod.POST, "/console/approvals/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.APPROVER.name())
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * The console in English, or in French for a browser that prefers French ({@code fr}, {@code fr-CA}, …), whatever
     * the server's own locale. The API does not read it.
     */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.ENGLISH, Locale.FRENCH));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }

    /**
     * Spring Security makes the CSRF token when something first asks for it: in a page, that is while the page is
     * written, and a session made then may come after the answer's headers have gone. Asking here makes it first.
     */
    static final class LoadCsrfToken extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (HttpMethod.GET.matches(request.getMethod())
                    && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
