package io.passerelle.api.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <token>} into an authenticated {@link ApiPrincipal}. A request without a
 * valid token goes on unauthenticated; the authorization rules then answer 401 where a token is needed.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    /** Set when a token was presented and not accepted, so that the 401 can say so. */
    static final String REJECTED_TOKEN = BearerTokenFilter.class.getName() + ".rejected";
    private static final String BEARER = "bearer ";

    private final ApiTokens tokens;

    public BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        presentedToken(request).ifPresent(token -> {
            Optional<ApiPrincipal> principal = tokens.authenticate(token);
            if (principal.isPresent()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        principal.get(), null, principal.get().authorities()));
                SecurityContextHolder.setContext(context);
            } else {
                request.setAttribute(REJECTED_TOKEN, Boolean.TRUE);
            }
        });
        chain.doFilter(request, response);
    }

    private static Optional<String> presentedToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).trim());
    }
}
