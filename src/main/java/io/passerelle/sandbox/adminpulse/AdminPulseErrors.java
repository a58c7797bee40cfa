package io.passerelle.sandbox.adminpulse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.ErrorAnswer;
import io.passerelle.sandbox.kit.ErrorWriter;
import io.passerelle.sandbox.kit.Request;
import io.passerelle.sandbox.kit.SimulatorJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * AdminPulse's words for what goes wrong: RFC 7807 problem documents,
 * {@code {"type":"about:blank","title":"Forbidden","status":403,"detail":"…"}}, as {@code application/problem+json}.
 */
final class AdminPulseErrors implements ErrorWriter {

    static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

    static ErrorAnswer problem(int status, String detail) {
        return problem(status, detail, Map.of());
    }

    static ErrorAnswer problem(int status, String detail, Map<String, String> headers) {
        ObjectNode body = SimulatorJson.HTTP.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", PROBLEM_JSON);
        all.putAll(headers);
        return new ErrorAnswer(status, body, all);
    }

    /** The reason phrase of the status, RFC 7807's title for {@code about:blank}. */
    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            default -> "Internal Server Error";
        };
    }

    static ErrorAnswer badParameter(String name, String value, String rule) {
        return problem(400, "The value '" + value + "' of the parameter " + name + " is invalid: it " + rule + ".");
    }

    @Override
    public ErrorAnswer notFound(Request request) {
        return problem(404, "No resource at " + request.path() + ".");
    }

    @Override
    public ErrorAnswer methodNotAllowed(Request request, Set<String> allowed) {
        return problem(405, "The method " + request.method() + " is not allowed on " + request.path() + ".",
                Map.of("Allow", String.join(", ", allowed)));
    }

    @Override
    public ErrorAnswer internalError(Request request, RuntimeException failure) {
        return problem(500, "An unexpected error occurred.");
    }

    @Override
    public ErrorAnswer badBody(Request request, BodyProblem problem) {
        return problem(400, "The request body cannot be used.");
    }
}
