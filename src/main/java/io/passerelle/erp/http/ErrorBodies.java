package io.passerelle.erp.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ERP's error body in words, for a run's message or a connection test: the shapes the REST ERPs answer
 * with, and otherwise the status line and a short, cleaned excerpt. Never a stack trace and never an HTML page.
 * <ul>
 * <li>OData v4 (Abacus): {@code {"error":{"code","message","target","details":[{"code","message","target"}]}}}</li>
 * <li>24SevenOffice: {@code {"error":{"name","message","payload":{"validationErrors":[{"path","keyword"}]}},"trackingId"}}</li>
 * <li>OAuth 2.0 token endpoints: {@code {"error","error_description"}}; Acumatica's 422 echo has a textual {@code error} too</li>
 * <li>RFC 7807 problem documents (AdminPulse): {@code {"title","detail"}}</li>
 * <li>Acumatica: {@code {"message","exceptionMessage","exceptionType","stackTrace"}}: the exception's message wins</li>
 * </ul>
 */
public final class ErrorBodies {

    static final int EXCERPT = 200;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Fields left out of an excerpt of JSON that no rule above understood. */
    private static final Set<String> NOISE = Set.of("stackTrace", "stacktrace", "stack", "trace", "innererror",
            "innerError", "exceptionType", "debug");
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private ErrorBodies() {
    }

    /** {@code HTTP 404 Not Found — The entity 'X' is not served}, or just the status line when the body says nothing. */
    public static String describe(HttpAnswer answer) {
        String words = words(answer.body());
        return "HTTP " + answer.statusLine() + (words == null ? "" : " — " + words);
    }

    /** What the body says, or null when it says nothing (blank). */
    public static String words(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode json = parse(body);
        if (json == null) {
            return text(body);
        }
        String understood = json.isObject() ? understood((ObjectNode) json) : null;
        return understood != null ? understood : excerpt(withoutNoise(json).toString());
    }

    /**
     * The machine-readable code the body gives, for a connector to decide on: OData {@code error.code},
     * 24SevenOffice {@code error.name}, OAuth {@code error}, RFC 7807 {@code type} (unless about:blank) or
     * {@code title}; null when none.
     */
    public static String code(String body) {
        JsonNode json = body == null ? null : parse(body);
        if (json == null || !json.isObject()) {
            return null;
        }
        JsonNode error = json.path("error");
        if (error.isObject()) {
            return first(error, "code", "name");
        }
        if (error.isTextual()) {
            return error.asText();
        }
        String type = first(json, "type");
        return type != null && !type.equals("about:blank") ? type : first(json, "title");
    }

    /** The body as JSON, or null when it is none. */
    public static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String understood(ObjectNode body) {
        JsonNode error = body.path("error");
        if (error.isObject()) {
            return structured(error, first(body, "trackingId"));
        }
        if (error.isTextual() && !error.asText().isBlank()) {
            String description = first(body, "error_description");
            return excerpt(description == null ? error.asText() : error.asText() + ": " + description);
        }
        String title = first(body, "title");
        String detail = first(body, "detail");
        if (title != null || detail != null) {
            return excerpt(title == null ? detail : detail == null || detail.equals(title) ? title : title + ": " + detail);
        }
        String exception = first(body, "exceptionMessage", "message");
        return exception == null ? null : excerpt(exception);
    }

    /** OData's and 24SevenOffice's {@code error} object: code or name, message, target, and each detail. */
    private static String structured(JsonNode error, String trackingId) {
        List<String> parts = new ArrayList<>();
        String code = first(error, "code", "name");
        String message = first(error, "message");
        String target = first(error, "target");
        parts.add(join(code, message) + (target == null ? "" : " (" + target + ")"));
        for (JsonNode detail : error.path("details")) {
            String where = first(detail, "target");
            String what = first(detail, "message", "code");
            if (what != null) {
                parts.add(where == null ? what : where + ": " + what);
            }
        }
        for (JsonNode invalid : error.path("payload").path("validationErrors")) {
            String path = first(invalid, "path");
            String keyword = first(invalid, "keyword", "message");
            if (path != null || keyword != null) {
                parts.add(join(path, keyword));
            }
        }
        String words = String.join("; ", parts.stream().filter(part -> !part.isBlank()).toList());
        if (words.isBlank()) {
            return null;
        }
        return excerpt(words) + (trackingId == null ? "" : " (tracking id " + trackingId + ")");
    }

    private static String join(String left, String right) {
        if (left == null) {
            return right == null ? "" : right;
        }
        return right == null ? left : left + ": " + right;
    }

    private static String first(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText().strip();
            }
        }
        return null;
    }

    private static JsonNode withoutNoise(JsonNode json) {
        if (!json.isObject()) {
            return json;
        }
        ObjectNode copy = ((ObjectNode) json).deepCopy();
        copy.remove(NOISE);
        return copy;
    }

    /** Plain text: its first line (a stack trace's is its message). HTML: its title, or its text without the markup. */
    private static String text(String body) {
        String text = body;
        if (body.stripLeading().startsWith("<")) {
            Matcher title = TITLE.matcher(body);
            text = title.find() && !title.group(1).isBlank() ? title.group(1)
                    : TAG.matcher(SCRIPT_OR_STYLE.matcher(body).replaceAll(" ")).replaceAll(" ");
            text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
            return text.isBlank() ? null : excerpt(text);
        }
        String firstLine = text.strip().lines().findFirst().orElse("");
        return firstLine.isBlank() ? null : excerpt(firstLine);
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "…" : flat;
    }
}
