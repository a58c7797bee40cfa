package io.passerelle.sandbox.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulator sends back: a status, headers and a body, or nothing at all ({@link #cutConnection()}: the
 * connection is closed before any byte of an answer, as a network cut would).
 */
public record Answer(int status, Map<String, List<String>> headers, byte[] body, boolean cut) {

    public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    public static Answer json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    /** A JSON answer; {@code extraHeaders} follow the Content-Type. */
    public static Answer json(int status, JsonNode body, Map<String, String> extraHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(JSON_CONTENT_TYPE));
        extraHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        try {
            return new Answer(status, headers, SimulatorJson.HTTP.writeValueAsBytes(body), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No body, e.g. 204 with cookies. */
    public static Answer empty(int status, Map<String, List<String>> headers) {
        return new Answer(status, headers, null, false);
    }

    public static Answer cutConnection() {
        return new Answer(0, Map.of(), null, true);
    }

    /**
     * The page a load balancer in front of the ERP answers with (nginx's words), e.g. 504 when the application
     * answered too late: the client cannot tell whether its request was carried out.
     */
    public static Answer loadBalancerPage(int status) {
        String title = status + " " + switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Temporarily Unavailable";
            case 504 -> "Gateway Time-out";
            default -> "Error";
        };
        byte[] html = ("<html><head><title>" + title + "</title></head><body><center><h1>" + title
                + "</h1></center></body></html>").getBytes(StandardCharsets.UTF_8);
        return new Answer(status, Map.of("Content-Type", List.of("text/html")), html, false);
    }

    /** The same answer with one more header (or that header replaced). */
    public Answer withHeader(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        more.put(name, List.of(value));
        return new Answer(status, more, body, cut);
    }
}
