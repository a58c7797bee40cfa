package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Acumatica wraps every field as {@code {"value": …}}; mappers read plain JSON. */
public final class AcumaticaJson {

    private AcumaticaJson() {
    }

    /** A copy with {@code {"value": v}} replaced by {@code v}, {@code {}} by null, sub-objects unwrapped too. */
    public static JsonNode unwrap(JsonNode entity) {
        if (!entity.isObject()) {
            return entity;
        }
        ObjectNode plain = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = entity.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isObject() && value.has("value")) {
                plain.set(field.getKey(), value.get("value"));
            } else if (value.isObject() && value.isEmpty()) {
                plain.putNull(field.getKey());
            } else if (value.isObject()) {
                plain.set(field.getKey(), unwrap(value));
            } else {
                plain.set(field.getKey(), value);
            }
        }
        return plain;
    }

    /** {@code {"value": v}} for a request body. */
    public static ObjectNode wrap(ObjectNode target, String field, Object value) {
        if (value == null) {
            return target;
        }
        ObjectNode wrapped = target.putObject(field);
        if (value instanceof Number number) {
            wrapped.put("value", new java.math.BigDecimal(number.toString()));
        } else if (value instanceof Boolean bool) {
            wrapped.put("value", bool);
        } else {
            wrapped.put("value", value.toString());
        }
        return target;
    }
}
