package io.passerelle.console;

import io.passerelle.api.security.ApiPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The console's sessions: who signed in, kept in the servlet session (an HttpOnly, SameSite=Strict cookie that
 * expires after {@code server.servlet.session.timeout} idle, see application.yaml). The session holds the token's
 * principal (name, role, capabilities), never the token.
 */
@Component
class ConsoleSessions {

    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    HttpSessionSecurityContextRepository repository() {
        return repository;
    }

    /**
     * Signs the principal in on a new session: the one the sign-in form was sent from (with its CSRF token) is ended,
     * so that no session id known before the sign-in is worth anything after it.
     */
    void signIn(HttpServletRequest request, HttpServletResponse response, ApiPrincipal principal) {
        HttpSession before = request.getSession(false);
        if (before != null) {
            before.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
