package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Turns Acumatica's error bodies into words: the generic error, and 422's entity echoed with errors per field. */
final class AcumaticaErrors {

    static final String LOGIN_LIMIT = "API Login Limit";

    private AcumaticaErrors() {
    }

    static AcumaticaException of(ObjectMapper mapper, String what, HttpAnswer answer) {
        JsonNode body = parse(mapper, answer.body());
        List<AcumaticaException.FieldError> fields = new ArrayList<>();
        if (body != null && body.isObject()) {
            collect(body, "", fields);
        }
        String summary = body == null ? null : firstText(body, "exceptionMessage", "message", "error");
        if (summary == null || summary.isBlank()) {
            summary = answer.body() == null || answer.body().isBlank() ? "no details" : abbreviate(answer.body());
        }
        String detail = fields.isEmpty() ? "" : ": " + String.join("; ",
                fields.stream().map(f -> f.field() + ": " + f.message()).toList());
        return new AcumaticaException(answer.status(), what + " answered HTTP " + answer.status() + " — " + summary + detail, fields);
    }

    static boolean loginLimit(HttpAnswer answer) {
        return answer.body() != null && answer.body().contains(LOGIN_LIMIT);
    }

    /** Every {@code "error"} below the entity, named by its path: {@code Vendor}, {@code Details[2].CostCode}. */
    private static void collect(JsonNode node, String path, List<AcumaticaException.FieldError> fields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject() && value.hasNonNull("error")) {
                fields.add(new AcumaticaException.FieldError(name, value.get("error").asText()));
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isObject()) {
                        collect(value.get(i), name + "[" + (i + 1) + "]", fields);
                    }
                }
            } else if (value.isObject() && !field.getKey().equals("custom") && !field.getKey().equals("_links")) {
                collect(value, name, fields);
            }
        }
    }

    private static String firstText(JsonNode body, String... names) {
        for (String name : names) {
            if (body.hasNonNull(name) && body.get(name).isTextual() && !body.get(name).asText().isBlank()) {
                return body.get(name).asText();
            }
        }
        return null;
    }

    private static JsonNode parse(ObjectMapper mapper, String body) {
        try {
            return body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
