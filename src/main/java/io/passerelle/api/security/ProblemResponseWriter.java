package io.passerelle.api.security;

import java.io.IOException;

import io.passerelle.api.ProblemWriter;
import io.passerelle.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers 401 and 403 from the security filters, which run before any controller advice, in the same
 * problem-details shape as every other API error. A 401 for want of a token is a failed sign-in; one for an
 * unknown token was counted by {@link BearerTokenFilter} already.
 */
public class ProblemResponseWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;
    private final FailedSignIns failedSignIns;

    ProblemResponseWriter(ProblemWriter problems, FailedSignIns failedSignIns) {
        this.problems = problems;
        this.failedSignIns = failedSignIns;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean rejected = request.getAttribute(BearerTokenFilter.REJECTED_TOKEN) != null;
        if (!rejected) {
            failedSignIns.failed(request, FailedSignIns.Reason.NO_TOKEN);
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, rejected ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, rejected
                ? "the bearer token is not valid"
                : "this call needs an Authorization: Bearer <token> header"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(request, response,
                Problems.of(HttpStatus.FORBIDDEN, "the role of this token does not allow this call"));
    }
}
