package io.passerelle.console;

import io.passerelle.api.security.ApiPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page has: who is signed in ({@code me}); and what a console page shows when something went
 * wrong: a page in words, never a stack trace nor the API's JSON problem. Ordered before the API's advice, which
 * would otherwise answer for every controller.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    private final ConsoleMessages messages;

    ConsoleAdvice(ConsoleMessages messages) {
        this.messages = messages;
    }

    @ModelAttribute("me")
    ApiPrincipal me() {
        return ApiPrincipal.current().orElse(null);
    }

    /** A request Spring refused before the controller (a bad path variable, a missing parameter): its status. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            return problem(response, model, refused.getStatusCode().value(), messages.text("console.problem.request"));
        }
        log.error("Unexpected error answering console page {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.toString(), e);
        return problem(response, model, HttpStatus.INTERNAL_SERVER_ERROR.value(),
                messages.text("console.problem.unexpected"));
    }

    /** The problem page: a heading for the status and the words that say what happened. */
    static String problem(HttpServletResponse response, Model model, int status, String words) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("problem", words);
        model.addAttribute("me", ApiPrincipal.current().orElse(null));
        return "console/problem";
    }
}
