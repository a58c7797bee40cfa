package io.passerelle.sandbox.abacus;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code $filter} Abacus serves: comparisons {@code eq ne gt ge lt le} joined by {@code and}, each on an
 * indexed property and an OData literal of its type (numbers and uuids bare, strings quoted, date-times bare
 * ISO 8601). Anything else is refused, a property that is not indexed with {@code NotIndexed}.
 */
final class ODataFilter {

    /** The type of an indexed property, which decides how its literal is read and values compare. */
    enum Kind { NUMBER, UUID, DATE_TIME }

    private static final Pattern UUID_LITERAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE_TIME_LITERAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.+");
    private static final Pattern NUMBER_LITERAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final List<String> OPERATORS = List.of("eq", "ne", "gt", "ge", "lt", "le");

    private ODataFilter() {
    }

    /** The records the filter keeps; {@code indexed} maps each filterable property path to its kind. */
    static Predicate<JsonNode> parse(String filter, String set, Map<String, Kind> indexed) {
        if (filter == null || filter.isBlank()) {
            return record -> true;
        }
        List<String> tokens = tokens(filter);
        Predicate<JsonNode> all = record -> true;
        int i = 0;
        while (true) {
            if (i + 3 > tokens.size()) {
                throw AbacusErrors.badRequest("The $filter '" + filter + "' is not a comparison of a property with a value");
            }
            String property = tokens.get(i);
            String operator = tokens.get(i + 1).toLowerCase(Locale.ROOT);
            String literal = tokens.get(i + 2);
            Kind kind = indexed.get(property);
            if (kind == null) {
                throw AbacusErrors.notIndexed(property, set);
            }
            if (!OPERATORS.contains(operator)) {
                throw AbacusErrors.badRequest("The operator '" + tokens.get(i + 1) + "' is not supported in $filter");
            }
            all = all.and(comparison(property, operator, value(kind, property, literal)));
            i += 3;
            if (i == tokens.size()) {
                return all;
            }
            if (!tokens.get(i).equalsIgnoreCase("and")) {
                throw AbacusErrors.badRequest("Only 'and' may join comparisons in $filter, not '" + tokens.get(i) + "'");
            }
            i++;
        }
    }

    private static Predicate<JsonNode> comparison(String property, String operator, Comparable<Object> expected) {
        return record -> {
            Comparable<Object> actual = actual(record, property, expected);
            if (actual == null) {
                return operator.equals("ne");
            }
            int c = actual.compareTo(expected);
            return switch (operator) {
                case "eq" -> c == 0;
                case "ne" -> c != 0;
                case "gt" -> c > 0;
                case "ge" -> c >= 0;
                case "lt" -> c < 0;
                default -> c <= 0;
            };
        };
    }

    /** The record's value at {@code A/B}, read as the literal's type; null when absent. */
    @SuppressWarnings("unchecked")
    private static Comparable<Object> actual(JsonNode record, String property, Object like) {
        JsonNode node = record;
        for (String step : property.split("/")) {
            node = node.path(step);
        }
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        Object value;
        if (like instanceof BigDecimal) {
            value = node.decimalValue();
        } else if (like instanceof Instant) {
            value = Instant.parse(node.asText());
        } else {
            value = node.asText().toLowerCase(Locale.ROOT);
        }
        return (Comparable<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> value(Kind kind, String property, String literal) {
        Object value = switch (kind) {
            case NUMBER -> NUMBER_LITERAL.matcher(literal).matches() ? new BigDecimal(literal) : null;
            case UUID -> UUID_LITERAL.matcher(literal).matches() ? literal.toLowerCase(Locale.ROOT) : null;
            case DATE_TIME -> dateTime(literal);
        };
        if (value == null) {
            throw AbacusErrors.badRequest("The literal " + literal + " is not a " + switch (kind) {
                case NUMBER -> "number";
                case UUID -> "uuid";
                case DATE_TIME -> "date-time (bare ISO 8601, e.g. 2026-03-01T00:00:00Z)";
            } + " as " + property + " needs");
        }
        return (Comparable<Object>) value;
    }

    private static Instant dateTime(String literal) {
        if (!DATE_TIME_LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(literal).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Splits on blanks, keeping a quoted string ({@code 'it''s'}) as one token. */
    private static List<String> tokens(String filter) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '\'') {
                if (quoted && i + 1 < filter.length() && filter.charAt(i + 1) == '\'') {
                    current.append("''");
                    i++;
                    continue;
                }
                quoted = !quoted;
                current.append(c);
            } else if (!quoted && Character.isWhitespace(c)) {
                if (current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw AbacusErrors.badRequest("The $filter '" + filter + "' has an unclosed string");
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }
}
