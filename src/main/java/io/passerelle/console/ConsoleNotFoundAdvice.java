package io.passerelle.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A console address that names no page ({@code /console/nothing-here}) is a console page in words, not the API's
 * JSON problem. It is no controller's, so {@link ConsoleAdvice}, held to this package's controllers, never sees it;
 * an address outside the console is answered by the API's handler, as before.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleNotFoundAdvice {

    private final ConsoleMessages messages;

    ConsoleNotFoundAdvice(ConsoleMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    String notFound(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response, Model model)
            throws NoResourceFoundException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/console/")) {
            throw e; // not the console's: the API's handlers answer it
        }
        return ConsoleAdvice.problem(response, model, HttpStatus.NOT_FOUND.value(),
                messages.text("console.problem.noPage"));
    }
}
