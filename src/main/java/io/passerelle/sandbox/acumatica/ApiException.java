package io.passerelle.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** An answer other than success, thrown from deep in the handling and written by the server loop. */
final class ApiException extends RuntimeException {

    final int status;
    final transient JsonNode body;
    final transient Map<String, String> headers;

    ApiException(int status, JsonNode body) {
        this(status, body, Map.of());
    }

    ApiException(int status, JsonNode body, Map<String, String> headers) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }
}
