package io.passerelle.api.security;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

import io.passerelle.api.ProblemWriter;
import io.passerelle.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <token>} into an authenticated {@link ApiPrincipal}. A request without a
 * valid token goes on unauthenticated; the authorization rules then answer 401 where a token is needed.
 * An unknown token is a failed sign-in, wherever it is presented (an open path would otherwise serve to try
 * tokens). An address with too many failed sign-ins gets 429 for any call with credentials, before its token is
 * even looked at, until its minute is over.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    /** Set when a token was presented and not accepted, so that the 401 can say so. */
    static final String REJECTED_TOKEN = BearerTokenFilter.class.getName() + ".rejected";
    private static final String BEARER = "bearer ";

    private final ApiTokens tokens;
    private final FailedSignIns failedSignIns;
    private final ProblemWriter problems;

    BearerTokenFilter(ApiTokens tokens, FailedSignIns failedSignIns, ProblemWriter problems) {
        this.tokens = tokens;
        this.failedSignIns = failedSignIns;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            OptionalLong refusedFor = failedSignIns.refusedFor(request.getRemoteAddr());
            if (refusedFor.isPresent()) {
                tooManyFailures(request, response, refusedFor.getAsLong());
                return;
            }
        }
        presentedToken(request).ifPresent(token -> {
            Optional<ApiPrincipal> principal = tokens.authenticate(token);
            if (principal.isPresent()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        principal.get(), null, principal.get().authorities()));
                SecurityContextHolder.setContext(context);
            } else {
                request.setAttribute(REJECTED_TOKEN, Boolean.TRUE);
                failedSignIns.failed(request, FailedSignIns.Reason.UNKNOWN_TOKEN);
            }
        });
        chain.doFilter(request, response);
    }

    private void tooManyFailures(HttpServletRequest request, HttpServletResponse response, long seconds)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                "too many failed sign-ins from this address: try again in " + seconds + " s"));
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
