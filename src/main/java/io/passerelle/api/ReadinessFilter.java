package io.passerelle.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/**} answers 503 with {@code Retry-After} while Spring Boot's readiness state is not
 * {@link ReadinessState#ACCEPTING_TRAFFIC}: during start-up, until the bootstrap is done (see
 * {@code ConnectionBootstrap}), and again while shutting down. {@code /actuator/**} stays reachable, so that
 * probes can tell "starting" from "gone". Before security: a starting instance says so to anyone.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class ReadinessFilter extends OncePerRequestFilter {

    /** Seconds a client is asked to wait: a start-up sync of the sandbox takes a few. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final ApplicationAvailability availability;
    private final ProblemWriter problems;

    ReadinessFilter(ApplicationAvailability availability, ProblemWriter problems) {
        this.availability = availability;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "Passerelle is not ready: it is starting (bootstrap connections, start-up sync) or stopping;"
                        + " try again in a few seconds"));
    }
}
