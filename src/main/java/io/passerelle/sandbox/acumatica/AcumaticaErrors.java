package io.passerelle.sandbox.acumatica;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.ErrorAnswer;
import io.passerelle.sandbox.kit.ErrorWriter;
import io.passerelle.sandbox.kit.Request;
import io.passerelle.sandbox.kit.SimulatorJson;
import java.util.Set;

/** Acumatica's words for what goes wrong: the generic error body of ACU-CS {@code ErrorMessage}. */
final class AcumaticaErrors implements ErrorWriter {

    /** {@code {"message", "exceptionMessage"?, "exceptionType"?}}. */
    static ObjectNode body(String message, String exceptionMessage, String exceptionType) {
        ObjectNode body = SimulatorJson.HTTP.createObjectNode();
        body.put("message", message);
        if (exceptionMessage != null) {
            body.put("exceptionMessage", exceptionMessage);
        }
        if (exceptionType != null) {
            body.put("exceptionType", exceptionType);
        }
        return body;
    }

    static ErrorAnswer notSupported(String message) {
        return new ErrorAnswer(405, body("The requested resource does not support this operation.", message,
                "System.NotSupportedException"));
    }

    static ErrorAnswer invalidEntity(String message) {
        return new ErrorAnswer(400, body("The request is invalid.", message, "PX.Api.ContractBased.InvalidEntityException"));
    }

    static ErrorAnswer badQuery(String message) {
        return new ErrorAnswer(400, body("The request is invalid.", message, "PX.Api.ContractBased.OData.ODataException"));
    }

    static ErrorAnswer noEntity(String exceptionMessage) {
        return new ErrorAnswer(404, body("No entity satisfies the condition.", exceptionMessage,
                "PX.Api.ContractBased.NoEntitySatisfiesTheConditionException"));
    }

    @Override
    public ErrorAnswer notFound(Request request) {
        return new ErrorAnswer(404, body("The requested resource does not exist.", "No resource at " + request.path()
                + ".", "System.Web.HttpException"));
    }

    @Override
    public ErrorAnswer methodNotAllowed(Request request, Set<String> allowed) {
        return new ErrorAnswer(405, body("The requested resource does not support http method '" + request.method()
                + "'.", null, null));
    }

    @Override
    public ErrorAnswer internalError(Request request, RuntimeException failure) {
        return new ErrorAnswer(500, body("An error has occurred.", failure.getClass().getSimpleName(), "System.Exception"));
    }

    @Override
    public ErrorAnswer badBody(Request request, BodyProblem problem) {
        return new ErrorAnswer(400, switch (problem) {
            case UNREADABLE -> body("The request is invalid.", "The body could not be read.", null);
            case EMPTY -> body("The request is invalid.", "The body is empty.", null);
            case NOT_JSON -> body("The request is invalid.", "The body is not valid JSON.",
                    "Newtonsoft.Json.JsonReaderException");
        });
    }
}
