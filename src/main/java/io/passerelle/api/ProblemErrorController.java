package io.passerelle.api;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page, in place of Spring Boot's (whose answer is HTML or plain JSON by the Accept header): a problem
 * document for every error that reaches it, whatever was asked for. Errors land here when something outside
 * Spring MVC calls {@code sendError} or throws; an exception was logged where it was thrown, by Tomcat.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatusCode status = status(request);
        ProblemDetail problem = Problems.of(status, status.is5xxServerError()
                ? "an unexpected error occurred; see the server log" : null);
        problems.write(request, response, problem);
    }

    /** The status of the failed request; a visit to the error page itself, with no error, is a 404. */
    private static HttpStatusCode status(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            return HttpStatus.NOT_FOUND;
        }
        return code >= 400 && code <= 599 ? HttpStatusCode.valueOf(code) : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
