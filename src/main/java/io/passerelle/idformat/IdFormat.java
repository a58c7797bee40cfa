package io.passerelle.idformat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The format of one kind of id on one connection, as the customer states it before go-live (seed 001: maximum
 * length, segments, allowed characters). Every rule is optional:
 * <ul>
 * <li>{@code maxLength}: at most that many characters, separators included;</li>
 * <li>{@code segments} with {@code separator} (default {@code "-"}): exactly that many segments, each of exactly
 * its length, e.g. {@code [2, 3]} accepts {@code 01-100};</li>
 * <li>{@code allowed}: a regex character class every character must match ({@code [A-Z0-9-]}); separators
 * of a segmented id are not held to it.</li>
 * </ul>
 * A plain value: {@link #check} says in words which rule a value breaks.
 */
public record IdFormat(Integer maxLength, List<Integer> segments, String separator, Pattern allowed) {

    public static final String DEFAULT_SEPARATOR = "-";

    public IdFormat {
        segments = segments == null ? List.of() : List.copyOf(segments);
        separator = separator == null || separator.isEmpty() ? DEFAULT_SEPARATOR : separator;
    }

    /** What is wrong with {@code value}, one message per rule broken; empty when it fits (or is null). */
    public List<String> check(String value, String field, IdKind kind, String connectionId) {
        List<String> violations = new ArrayList<>();
        if (value == null) {
            return violations;
        }
        String where = kind.label() + " on connection " + connectionId;
        String quoted = field + " '" + value + "'";
        int length = value.codePointCount(0, value.length());
        if (maxLength != null && length > maxLength) {
            violations.add(quoted + " is " + length + " characters; at most " + maxLength + " allowed for " + where);
        }
        String checked = value;
        if (!segments.isEmpty()) {
            String[] parts = value.split(Pattern.quote(separator), -1);
            String shape = describeSegments();
            if (parts.length != segments.size()) {
                violations.add(quoted + " has " + parts.length + " segment" + (parts.length == 1 ? "" : "s")
                        + "; " + where + " have " + shape);
            } else {
                for (int i = 0; i < parts.length; i++) {
                    int partLength = parts[i].codePointCount(0, parts[i].length());
                    if (partLength != segments.get(i)) {
                        violations.add(quoted + ": segment " + (i + 1) + " '" + parts[i] + "' is " + partLength
                                + " character" + (partLength == 1 ? "" : "s") + ", " + segments.get(i)
                                + " expected; " + where + " have " + shape);
                    }
                }
            }
            checked = String.join("", parts);
        }
        if (allowed != null) {
            String refused = checked.codePoints()
                    .filter(c -> !allowed.matcher(new String(Character.toChars(c))).matches())
                    .distinct()
                    .mapToObj(c -> "'" + new String(Character.toChars(c)) + "'")
                    .collect(Collectors.joining(", "));
            if (!refused.isEmpty()) {
                violations.add(quoted + " has characters not allowed (" + refused + "); only " + allowed.pattern()
                        + " allowed for " + where);
            }
        }
        return violations;
    }

    private String describeSegments() {
        String lengths = segments.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return segments.size() + " segment" + (segments.size() == 1 ? "" : "s") + " of " + lengths
                + " characters separated by '" + separator + "'";
    }
}
