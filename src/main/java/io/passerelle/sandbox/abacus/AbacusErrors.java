package io.passerelle.sandbox.abacus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.ErrorAnswer;
import io.passerelle.sandbox.kit.ErrorWriter;
import io.passerelle.sandbox.kit.Request;
import io.passerelle.sandbox.kit.SimulatorJson;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Abacus's words for what goes wrong: OData's {@code {"error":{"code","message","target"?,"details"?}}}. */
final class AbacusErrors implements ErrorWriter {

    /** One fault of a refused entity: a {@code details} entry. */
    record Detail(String code, String message, String target) {
    }

    static ObjectNode body(String code, String message, String target, List<Detail> details) {
        ObjectNode root = SimulatorJson.HTTP.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        if (target != null) {
            error.put("target", target);
        }
        if (details != null && !details.isEmpty()) {
            ArrayNode array = error.putArray("details");
            for (Detail d : details) {
                array.addObject().put("code", d.code()).put("message", d.message()).put("target", d.target());
            }
        }
        return root;
    }

    static ErrorAnswer error(int status, String code, String message) {
        return new ErrorAnswer(status, body(code, message, null, null));
    }

    static ErrorAnswer badRequest(String message) {
        return error(400, "BadRequest", message);
    }

    static ErrorAnswer notIndexed(String property, String set) {
        return new ErrorAnswer(400, body("NotIndexed", "The property " + property + " of " + set
                + " is not indexed and cannot be filtered", "$filter", null));
    }

    static ErrorAnswer notFound(String message) {
        return error(404, "NotFound", message);
    }

    static ErrorAnswer unauthorized() {
        return new ErrorAnswer(401, body("Unauthorized", "The access token is invalid or has expired", null, null),
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    static ErrorAnswer forbidden(String scope) {
        return error(403, "Forbidden", "Scope " + scope + " required");
    }

    @Override
    public ErrorAnswer notFound(Request request) {
        return notFound("No resource at " + request.path());
    }

    @Override
    public ErrorAnswer methodNotAllowed(Request request, Set<String> allowed) {
        return error(405, "MethodNotAllowed", "The method " + request.method() + " is not allowed here");
    }

    @Override
    public ErrorAnswer internalError(Request request, RuntimeException failure) {
        return error(500, "InternalServerError", "An unexpected error occurred");
    }

    @Override
    public ErrorAnswer badBody(Request request, BodyProblem problem) {
        return badRequest(switch (problem) {
            case UNREADABLE -> "The request body could not be read";
            case EMPTY -> "The request body is empty";
            case NOT_JSON -> "The request body is not valid JSON";
        });
    }
}
