package io.passerelle.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the console's chain forwards what it refuses (403): a form without this session's CSRF token (sent from
 * another site, or from a page older than the session), or a write the signed-in role may not make. Nothing was done,
 * and the page says so.
 */
@Controller
class RefusedController {

    private final ConsoleMessages messages;

    RefusedController(ConsoleMessages messages) {
        this.messages = messages;
    }

    @RequestMapping(ConsoleSecurityConfiguration.REFUSED)
    String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean csrf = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
        return ConsoleAdvice.problem(response, model, HttpStatus.FORBIDDEN.value(),
                messages.text(csrf ? "console.refused.csrf" : "console.refused.role"));
    }
}
