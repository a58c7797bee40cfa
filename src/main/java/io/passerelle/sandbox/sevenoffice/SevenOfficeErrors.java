package io.passerelle.sandbox.sevenoffice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.Answer;
import io.passerelle.sandbox.kit.ErrorAnswer;
import io.passerelle.sandbox.kit.ErrorWriter;
import io.passerelle.sandbox.kit.Request;
import io.passerelle.sandbox.kit.SimulatorJson;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * 24SevenOffice's words for what goes wrong (next-erps.md §3). The API answers
 * {@code {"error":{"name":"UnauthorizedError","message":"…"},"trackingId":"…"}}, a bad query
 * {@code {"error":{"name":"ValidationError","payload":{"validationErrors":[{"path","keyword"}]}},"trackingId":"…"}};
 * the login host answers as Auth0 does, {@code {"error":"access_denied","error_description":"…"}}. Every answer
 * carries {@code X-Trace-Id}, and an API error's {@code trackingId} is that same id, as support asks for it.
 */
final class SevenOfficeErrors implements ErrorWriter {

    static final String TRACE_ID = "X-Trace-Id";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new trace id, 32 hex digits as W3C trace ids are. */
    static String newTraceId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The answer with an {@code X-Trace-Id}, unless it has one. */
    static Answer traced(Answer answer) {
        return answer.headers().containsKey(TRACE_ID) ? answer : answer.withHeader(TRACE_ID, newTraceId());
    }

    static ErrorAnswer error(int status, String name, String message) {
        return error(status, name, message, Map.of());
    }

    static ErrorAnswer error(int status, String name, String message, Map<String, String> headers) {
        String traceId = newTraceId();
        ObjectNode body = SimulatorJson.HTTP.createObjectNode();
        body.putObject("error").put("name", name).put("message", message);
        body.put("trackingId", traceId);
        return new ErrorAnswer(status, body, withTrace(traceId, headers));
    }

    /** 400 for one bad query parameter, as the API's schema validation words it (keyword {@code maximum}, {@code type}...). */
    static ErrorAnswer validation(String path, String keyword) {
        String traceId = newTraceId();
        ObjectNode body = SimulatorJson.HTTP.createObjectNode();
        body.putObject("error").put("name", "ValidationError").putObject("payload").putArray("validationErrors")
                .addObject().put("path", path).put("keyword", keyword);
        body.put("trackingId", traceId);
        return new ErrorAnswer(400, body, withTrace(traceId, Map.of()));
    }

    static ErrorAnswer unauthorized(String message) {
        return error(401, "UnauthorizedError", message);
    }

    /** 403: the token is valid but lacks a scope; §3 names it as the 401 is named. */
    static ErrorAnswer forbidden(String message) {
        return error(403, "UnauthorizedError", message);
    }

    static ErrorAnswer notFound(String message) {
        return error(404, "NotFoundError", message);
    }

    /** The login host's refusal: {@code {"error": "access_denied", "error_description": "Unauthorized"}}. */
    static ErrorAnswer token(int status, String error, String description) {
        ObjectNode body = SimulatorJson.HTTP.createObjectNode();
        body.put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        return new ErrorAnswer(status, body, withTrace(newTraceId(), Map.of()));
    }

    private static Map<String, String> withTrace(String traceId, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(TRACE_ID, traceId);
        return all;
    }

    @Override
    public ErrorAnswer notFound(Request request) {
        return notFound("Cannot " + request.method() + " " + request.path());
    }

    @Override
    public ErrorAnswer methodNotAllowed(Request request, Set<String> allowed) {
        return error(405, "MethodNotAllowedError", "The method " + request.method() + " is not allowed on "
                + request.path(), Map.of("Allow", String.join(", ", allowed)));
    }

    @Override
    public ErrorAnswer internalError(Request request, RuntimeException failure) {
        return error(500, "InternalServerError", "An unexpected error occurred");
    }

    @Override
    public ErrorAnswer badBody(Request request, BodyProblem problem) {
        if (request.path().equals(SevenOfficeSimulator.TOKEN_PATH)) {
            return token(400, "invalid_request", "The request body could not be parsed");
        }
        return error(400, "BadRequestError", "The request body could not be parsed");
    }
}
