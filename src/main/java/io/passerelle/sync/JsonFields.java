package io.passerelle.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads one remote JSON item for a mapper, naming the field in every complaint. Unknown fields are
 * ignored: ERPs add fields between versions. Text longer than its column is refused, not cut.
 */
public final class JsonFields {

    private final JsonNode item;

    public JsonFields(JsonNode item) {
        this.item = item;
    }

    public String requiredText(String field, int maxLength) {
        String value = text(field, maxLength);
        if (value == null || value.isBlank()) {
            throw MappingException.missing(field);
        }
        return value;
    }

    /** Null when absent, null or blank: an absent e-mail stays absent, never a made-up one. */
    public String text(String field, int maxLength) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw MappingException.invalid(field, "must be text, was " + value.getNodeType().name().toLowerCase());
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > maxLength) {
            throw MappingException.invalid(field, "is " + text.length() + " characters long; at most " + maxLength + " fit");
        }
        return text;
    }

    public BigDecimal decimal(String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().strip());
            } catch (NumberFormatException e) {
                throw MappingException.invalid(field, "is not a number: '" + value.asText() + "'");
            }
        }
        throw MappingException.invalid(field, "must be a number");
    }

    public boolean bool(String field, boolean absent) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        throw MappingException.invalid(field, "must be true or false");
    }

    public Instant instant(String field) {
        String text = requiredText(field, 64);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw MappingException.invalid(field, "is not an ISO-8601 instant: '" + text + "'");
        }
    }

    public JsonNode object(String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw MappingException.invalid(field, "must be an object");
        }
        return value;
    }
}
