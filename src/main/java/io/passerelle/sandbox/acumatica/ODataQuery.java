package io.passerelle.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of OData {@code $filter} the simulator understands: comparisons of a top-level field with a
 * literal ({@code 'text'}, {@code datetimeoffset'…'}, a number, {@code true}/{@code false}) joined by
 * {@code and}. Anything else ({@code or}, functions, parentheses, linked fields) is refused rather than
 * ignored, so that a client never believes a filter was applied when it was not.
 */
final class ODataQuery {

    enum Op { eq, ne, gt, ge, lt, le }

    record Condition(String field, Op op, Object literal) {
    }

    private static final Pattern CONDITION = Pattern.compile(
            "^([A-Za-z][A-Za-z0-9_]*)\\s+(eq|ne|gt|ge|lt|le)\\s+(datetimeoffset'[^']*'|'(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?M?|true|false)$");

    private final List<Condition> conditions;

    private ODataQuery(List<Condition> conditions) {
        this.conditions = conditions;
    }

    List<Condition> conditions() {
        return conditions;
    }

    static ODataQuery parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return new ODataQuery(List.of());
        }
        List<Condition> out = new ArrayList<>();
        for (String part : splitOnAnd(filter.trim())) {
            Matcher m = CONDITION.matcher(part.trim());
            if (!m.matches()) {
                throw AcumaticaErrors.badQuery("Cannot parse the condition \"" + part.trim() + "\": the simulator supports only"
                        + " <Field> eq|ne|gt|ge|lt|le <literal> joined by 'and' (a '+' in a date must be sent as %2B)");
            }
            out.add(new Condition(m.group(1), Op.valueOf(m.group(2)), literal(m.group(3))));
        }
        return new ODataQuery(out);
    }

    /** Splits on the word {@code and} outside quotes; refuses {@code or}, which the simulator does not do. */
    private static List<String> splitOnAnd(String filter) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        String[] tokens = filter.split("(?<= )|(?= )");
        for (String token : tokens) {
            long quotes = token.chars().filter(c -> c == '\'').count();
            if (!quoted && token.equals("and")) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            if (!quoted && token.equals("or")) {
                throw AcumaticaErrors.badQuery("The simulator does not support 'or' in $filter");
            }
            current.append(token);
            if (quotes % 2 == 1) {
                quoted = !quoted;
            }
        }
        parts.add(current.toString());
        for (String p : parts) {
            if (p.isBlank()) {
                throw AcumaticaErrors.badQuery("Empty condition in $filter \"" + filter + "\"");
            }
        }
        return parts;
    }

    private static Object literal(String text) {
        if (text.startsWith("datetimeoffset'")) {
            return parseDate(text.substring("datetimeoffset'".length(), text.length() - 1));
        }
        if (text.startsWith("'")) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        return new BigDecimal(text.endsWith("M") ? text.substring(0, text.length() - 1) : text);
    }

    static OffsetDateTime parseDate(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw AcumaticaErrors.badQuery("Cannot parse the date \"" + text + "\" in $filter: expected yyyy-MM-ddTHH:mm:ss.fffK,"
                    + " URL-encoded (a '+' sent unencoded reads as a space)");
        }
    }

    /** True when the record satisfies every condition; unknown fields were refused earlier. */
    boolean matches(ObjectNode record) {
        for (Condition c : conditions) {
            JsonNode field = record.get(c.field());
            JsonNode value = field == null ? null : field.get("value");
            if (!matches(value, c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(JsonNode value, Condition c) {
        if (value == null || value.isNull()) {
            return c.op() == Op.ne;
        }
        int cmp;
        if (c.literal() instanceof OffsetDateTime when) {
            OffsetDateTime actual;
            try {
                actual = OffsetDateTime.parse(value.asText());
            } catch (DateTimeParseException e) {
                throw AcumaticaErrors.badQuery("Field '" + c.field() + "' is not a date; datetimeoffset cannot compare with it");
            }
            cmp = actual.toInstant().compareTo(when.toInstant());
        } else if (c.literal() instanceof BigDecimal number) {
            if (!value.isNumber()) {
                throw AcumaticaErrors.badQuery("Field '" + c.field() + "' is not a number");
            }
            cmp = value.decimalValue().compareTo(number);
        } else if (c.literal() instanceof Boolean flag) {
            cmp = value.asBoolean() == flag ? 0 : 1;
            if (c.op() != Op.eq && c.op() != Op.ne) {
                throw AcumaticaErrors.badQuery("Only eq and ne compare booleans");
            }
        } else {
            // SQL Server's default collation: case-insensitive, trailing spaces ignored
            String a = value.asText().stripTrailing().toUpperCase(Locale.ROOT);
            String b = ((String) c.literal()).stripTrailing().toUpperCase(Locale.ROOT);
            cmp = a.compareTo(b);
        }
        return switch (c.op()) {
            case eq -> cmp == 0;
            case ne -> cmp != 0;
            case gt -> cmp > 0;
            case ge -> cmp >= 0;
            case lt -> cmp < 0;
            case le -> cmp <= 0;
        };
    }
}
