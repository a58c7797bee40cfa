package io.passerelle.sandbox.kit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** An answer other than success, thrown from deep in a handler and written by the router as JSON. */
public class ErrorAnswer extends RuntimeException {

    private final int status;
    private final transient JsonNode body;
    private final transient Map<String, String> headers;

    public ErrorAnswer(int status, JsonNode body) {
        this(status, body, Map.of());
    }

    public ErrorAnswer(int status, JsonNode body, Map<String, String> headers) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    public JsonNode body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Answer toAnswer() {
        return Answer.json(status, body, headers);
    }
}
