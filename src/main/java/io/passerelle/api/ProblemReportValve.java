package io.passerelle.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report, as a problem document instead of an HTML page. It answers the errors Tomcat finds
 * itself, before any filter or servlet: a path it will not decode (an encoded '/' or '\', a '%' that starts no
 * escape), a request line or headers over {@code server.max-http-request-header-size}, a request that is not
 * HTTP. Nothing of the request is repeated: it is the request that is wrong.
 */
final class ProblemReportValve extends ErrorReportValve {

    private static final String HEADER_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");
    /** How Tomcat's adapter begins the message of a path it will not decode. */
    private static final String INVALID_URI =
            StringManager.getManager("org.apache.catalina.connector").getString("coyoteAdapter.invalidURI");

    private final ProblemWriter problems;

    ProblemReportValve(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own report: nothing to add to a success, to an answer begun, or to a connection gone
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = problemFor(request, response, throwable);
        try {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problems.toJson(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the answer began meanwhile: there is no one left to tell
        }
    }

    /** Tomcat's reasons are told in its own words only where they repeat nothing of the request. */
    private static ProblemDetail problemFor(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (headerTooLarge(throwable)) {
            // the request line is read first: without a path, it is the line that did not fit
            return request.getRequestURI() == null
                    ? Problems.of(HttpStatus.URI_TOO_LONG, "the request line (method, path and query) is longer than "
                            + "this server accepts (server.max-http-request-header-size)")
                    : Problems.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "the request line and headers are "
                            + "larger than this server accepts (server.max-http-request-header-size)");
        }
        if (status == HttpStatus.BAD_REQUEST.value()) {
            String message = response.getMessage();
            return throwable == null && message != null && message.startsWith(INVALID_URI)
                    ? Problems.of(HttpStatus.BAD_REQUEST, "the path cannot be decoded: it holds an encoded '/' or "
                            + "'\\', an encoded control character, or a '%' that starts no escape")
                    : Problems.of(HttpStatus.BAD_REQUEST, "the request is not valid HTTP");
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        return Problems.of(code, code.is5xxServerError() ? "an unexpected error occurred; see the server log" : null);
    }

    /** Tomcat's own words (in the server's language) for a request line or headers over the size limit. */
    private static boolean headerTooLarge(Throwable throwable) {
        return throwable instanceof IllegalArgumentException && HEADER_TOO_LARGE.equals(throwable.getMessage());
    }
}
