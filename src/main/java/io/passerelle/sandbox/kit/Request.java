package io.passerelle.sandbox.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as a handler sees it: method, decoded path, the path's {@code {params}}, the query, headers,
 * cookies, credentials and the body (read once, on demand; a body the handler cannot use is answered in the
 * ERP's words through its {@link ErrorWriter}).
 */
public final class Request {

    /** A client id and secret, or a user name and password, from an {@code Authorization: Basic} header. */
    public record Credentials(String name, String secret) {
    }

    private final HttpExchange exchange;
    private final ErrorWriter errors;
    private final String method;
    private Map<String, String> params = Map.of();
    private List<String> rest = List.of();
    private Query query;
    private byte[] body;

    Request(HttpExchange exchange, ErrorWriter errors) {
        this.exchange = exchange;
        this.errors = errors;
        this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    void bind(Map<String, String> params, List<String> rest) {
        this.params = params;
        this.rest = rest;
    }

    /** Upper case. */
    public String method() {
        return method;
    }

    /** Decoded. */
    public String path() {
        return exchange.getRequestURI().getPath();
    }

    /** Still encoded, to build links the client follows verbatim. */
    public String rawPath() {
        return exchange.getRequestURI().getRawPath();
    }

    /** The value of {@code {name}} in the route's pattern. */
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no parameter {" + name + "}");
        }
        return value;
    }

    /** The segments matched by the pattern's trailing {@code {name...}}, as {@link String#split} gives them. */
    public List<String> rest() {
        return rest;
    }

    public Query query() {
        if (query == null) {
            query = Query.parse(exchange.getRequestURI().getRawQuery());
        }
        return query;
    }

    /** The first value of the header, or null. */
    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** Every value of the header, in order; empty when absent. */
    public List<String> headers(String name) {
        List<String> values = exchange.getRequestHeaders().get(name);
        return values == null ? List.of() : values;
    }

    /** {@code http://host:port} as the client addressed this server: the base of absolute links it must follow. */
    public String baseUrl() {
        String host = header("Host");
        if (host == null || host.isBlank()) {
            host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
        }
        return "http://" + host;
    }

    /**
     * This request's absolute URL with its query changed: the parameters named in {@code drop} left out, then
     * {@code name=value} appended (value URL-encoded). The rest of the query stays as the client sent it.
     */
    public String linkWith(String name, String value, String... drop) {
        String kept = query().rawWithout(drop);
        return baseUrl() + rawPath() + "?" + (kept.isEmpty() ? "" : kept + "&") + name + "="
                + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Cookie name to value, from every Cookie header; a later one wins. */
    public Map<String, String> cookies() {
        Map<String, String> out = new HashMap<>();
        for (String header : headers("Cookie")) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return out;
    }

    /** The token of an {@code Authorization: Bearer} header (possibly blank), or null when there is none. */
    public String bearerToken() {
        String authorization = header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }

    /** The pair of an {@code Authorization: Basic} header, each part URL-decoded as RFC 6749 §2.3.1 asks; null otherwise. */
    public Credentials basicCredentials() {
        String authorization = header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new Credentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
    }

    public boolean contentTypeIs(String mediaType) {
        return String.valueOf(header("Content-Type")).toLowerCase(Locale.ROOT).startsWith(mediaType);
    }

    /** The body's bytes, read once. */
    public byte[] body() {
        if (body == null) {
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw errors.badBody(this, ErrorWriter.BodyProblem.UNREADABLE);
            }
        }
        return body;
    }

    /**
     * The body as JSON, read with the strict mapper: one document, numbers as exact decimals (trailing zeros
     * dropped, as Jackson's trees do: {@code 7.50} reads as {@code 7.5}).
     */
    public JsonNode json() {
        byte[] bytes = body();
        JsonNode node;
        try {
            node = SimulatorJson.HTTP.readTree(bytes);
        } catch (IOException e) {
            throw errors.badBody(this, ErrorWriter.BodyProblem.NOT_JSON);
        }
        if (node == null || node.isMissingNode()) {
            throw errors.badBody(this, ErrorWriter.BodyProblem.EMPTY);
        }
        return node;
    }

    /** An {@code application/x-www-form-urlencoded} body: name to value, a later one winning; pairs without a name skipped. */
    public Map<String, String> form() {
        Map<String, String> out = new HashMap<>();
        for (String pair : new String(body(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
