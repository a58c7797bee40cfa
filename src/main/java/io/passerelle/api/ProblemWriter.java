package io.passerelle.api;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes a problem document as the whole answer, for the places that answer outside Spring MVC's message
 * converters: security filters, the request body cap, the error page and Tomcat's own error report. It uses the
 * application's {@link ObjectMapper}, whose problem-details mix-in puts {@code errors} at the top level.
 */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Answers with the problem, its {@code instance} being the request's path. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(pathOf(request));
        }
        write(response, problem);
    }

    /** Answers with the problem as it is: for requests whose path is itself what is wrong. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The problem as JSON text, for Tomcat's error report, which writes through its own writer. */
    public String toJson(ProblemDetail problem) throws IOException {
        return json.writeValueAsString(problem);
    }

    /**
     * The request's path (on the error page, the path that failed), or null when it is not a valid URI: then the
     * answer goes without an instance.
     */
    private static URI pathOf(HttpServletRequest request) {
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed : request.getRequestURI();
        if (path == null) {
            return null;
        }
        try {
            return new URI(path);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
