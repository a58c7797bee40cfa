package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.erp.http.ErrorBodies;
import io.passerelle.erp.http.HttpAnswer;
import io.passerelle.erp.http.Refusals;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Acumatica's refusals: the kit's words ({@link ErrorBodies}), and for a 422 the entity echoed with an error on
 * each field it refused, named by its path.
 */
final class AcumaticaErrors {

    static final String LOGIN_LIMIT = "API Login Limit";
    static final Refusals REFUSALS = new Refusals("Acumatica", AcumaticaErrors::refused);

    private AcumaticaErrors() {
    }

    static AcumaticaException refused(int status, String message, HttpAnswer answer) {
        JsonNode body = ErrorBodies.parse(answer.body());
        List<AcumaticaException.FieldError> fields = new ArrayList<>();
        if (body != null && body.isObject()) {
            collect(body, "", fields);
        }
        String detail = fields.isEmpty() ? "" : ": " + String.join("; ",
                fields.stream().map(f -> f.field() + ": " + f.message()).toList());
        return new AcumaticaException(status, message + detail, fields);
    }

    /** All of the tenant's API user slots are taken: it is worth waiting for one, as for a 429. */
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
}
