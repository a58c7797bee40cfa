package io.passerelle.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Reads one remote JSON item for a mapper, naming the field in every complaint. Unknown fields are
 * ignored: ERPs add fields between versions. Text longer than its column is refused, not cut; so are
 * numbers that do not fit their column and text the database cannot store. Keys and codes are kept verbatim
 * ({@link #requiredKey}, {@link #code}): the ERP compares them exactly as it stores them, so they go back as they
 * came; only text the platform shows or interprets is stripped ({@link #text}).
 */
public final class JsonFields {

    /** A calendar date as ERPs write one, YYYY-MM-DD, and no other form (no 2024-02-30, no time of day). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Longer than any number a numeric column holds: refused before BigDecimal parses (quadratically) on. */
    private static final int MAX_NUMBER_TEXT = 100;

    private final JsonNode item;
    private final String path;

    public JsonFields(JsonNode item) {
        this(item, "");
    }

    /** @param path what the complaints put before a field's name, e.g. {@code "rates."} for a nested object */
    public JsonFields(JsonNode item, String path) {
        this.item = item;
        this.path = path;
    }

    /** Required text, stripped as {@link #text} strips it: for values the platform reads, never for codes. */
    public String requiredText(String field, int maxLength) {
        String value = text(field, maxLength);
        if (value == null) {
            throw MappingException.missing(path + field);
        }
        return value;
    }

    /**
     * A matching key, exactly as the ERP sent it: a trailing blank or a no-break space is part of the code the ERP
     * compares exactly (avantage-maintcp.md §4), so it is stored and sent back as it came. Records are matched by
     * its {@link KeyNormalizer normalised forms}: it must still name something once normalised (a key of spaces or
     * invisible characters only is missing), and those forms must fit the same column as the raw key.
     */
    public String requiredKey(String field, int maxLength) {
        String value = code(field, maxLength);
        if (value == null) {
            throw MappingException.missing(path + field);
        }
        int normalised = Math.max(KeyNormalizer.matchKey(value).length(), KeyNormalizer.looseKey(value).length());
        if (normalised > maxLength) {
            throw MappingException.invalid(path + field, "is " + normalised + " characters long once normalised; at most "
                    + maxLength + " fit");
        }
        return value;
    }

    /**
     * An optional code that refers to another record of the ERP (a project's customer, an employee's trade), kept
     * verbatim like {@link #requiredKey} keeps a key: whoever matches it or sends it back needs the ERP's spelling.
     * Null when absent, null, or only spaces and invisible characters (then it names nothing).
     */
    public String code(String field, int maxLength) {
        String raw = raw(field);
        return raw == null || namesNothing(raw) ? null : fitting(field, raw, maxLength);
    }

    /**
     * Blank, or only characters that normalisation removes. A visible ASCII character settles it at once: this runs
     * for several fields of every record, and a full normalisation only to learn that "ELEC" is not blank showed in
     * the benchmark.
     */
    private static boolean namesNothing(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > ' ' && c < 0x7F) {
                return false;
            }
        }
        return KeyNormalizer.matchKey(raw) == null;
    }

    /**
     * Text the platform shows or interprets (a name, a description, a status, an e-mail address), stripped of the
     * blanks around it: they mean nothing there and nothing sends this text back to the ERP. Null when absent, null
     * or blank: an absent e-mail stays absent, never a made-up one.
     */
    public String text(String field, int maxLength) {
        String raw = raw(field);
        String text = raw == null ? null : raw.strip();
        return text == null || text.isEmpty() ? null : fitting(field, text, maxLength);
    }

    /** The field's text as sent (a number or a boolean as its JSON text); null when absent or null. */
    private String raw(String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw MappingException.invalid(path + field, "must be text, was " + value.getNodeType().name().toLowerCase());
        }
        return value.asText();
    }

    private String fitting(String field, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw MappingException.invalid(path + field, "is " + text.length() + " characters long; at most " + maxLength + " fit");
        }
        if (!storable(text)) {
            throw MappingException.invalid(path + field, "contains a NUL character or half of a surrogate pair, "
                    + "which cannot be stored");
        }
        return text;
    }

    /**
     * A number for a {@code numeric(precision, scale)} column, rounded half up to its scale as the database rounds it
     * (so that the content hash is the stored value's). More integer digits than the column has, infinities and
     * exponents such as {@code 1e999999999} are refused before anything expands them into digits.
     */
    public BigDecimal decimal(String field, int precision, int scale) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        BigDecimal number;
        if (value.isNumber()) {
            if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
                throw MappingException.invalid(path + field, "is out of range");
            }
            number = value.decimalValue();
        } else if (value.isTextual()) {
            String text = value.asText().strip();
            try {
                if (text.length() > MAX_NUMBER_TEXT) {
                    throw new NumberFormatException();
                }
                number = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw MappingException.invalid(path + field, "is not a number: '" + abbreviated(value.asText()) + "'");
            }
        } else {
            throw MappingException.invalid(path + field, "must be a number");
        }
        return fitted(field, number, precision, scale);
    }

    private BigDecimal fitted(String field, BigDecimal number, int precision, int scale) {
        int integerDigits = precision - scale;
        // digits before the point, read off the representation: 1e999999999 is never written out
        long magnitude = (long) number.precision() - number.scale();
        if (number.signum() == 0 || magnitude < -scale) {
            return BigDecimal.ZERO.setScale(scale); // below half the column's last digit: rounds to zero
        }
        BigDecimal rounded = magnitude > integerDigits ? number : number.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.precision() - rounded.scale() > integerDigits) {
            throw MappingException.invalid(path + field, "has more than " + integerDigits + " digits before the decimal point");
        }
        return rounded;
    }

    public boolean bool(String field, boolean absent) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        throw MappingException.invalid(path + field, "must be true or false");
    }

    public Instant instant(String field) {
        String text = requiredText(field, 64);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw MappingException.invalid(path + field, "is not an ISO-8601 instant: '" + text + "'");
        }
    }

    /** A calendar date, {@code YYYY-MM-DD}; null when absent, null or blank. */
    public LocalDate date(String field) {
        String text = text(field, 64);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw MappingException.invalid(path + field, "is not a date YYYY-MM-DD: '" + abbreviated(text) + "'");
        }
    }

    /** An array (a document's lines); null when absent or null. */
    public JsonNode array(String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw MappingException.invalid(path + field, "must be an array");
        }
        return value;
    }

    /** A whole number (a line number); null when absent or null. */
    public Integer integer(String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw MappingException.invalid(path + field, "must be a whole number");
        }
        return value.intValue();
    }

    public JsonNode object(String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw MappingException.invalid(path + field, "must be an object");
        }
        return value;
    }

    /** PostgreSQL refuses U+0000 in text, and half a surrogate pair has no UTF-8 encoding. */
    public static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
