package io.passerelle.idformat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code options.idFormats} of a connection:
 * <pre>
 * "idFormats": {
 *   "costCode":  {"maxLength": 10, "segments": [2, 3], "separator": "-", "allowed": "[0-9]"},
 *   "projectId": {"maxLength": 15, "allowed": "[A-Z0-9-]"},
 *   "vendorId":  {"maxLength": 15}
 * }
 * </pre>
 * Keys are {@link IdKind#key()}s. {@code allowed} is a regex character class; written without brackets
 * ({@code A-Z0-9}) it is bracketed. A plain bean.
 */
public final class IdFormatParser {

    /** The option holding the formats. */
    public static final String OPTION = "idFormats";

    /** The formats, and what in them cannot be used (one message each, naming the option path). */
    public record Parsed(Map<IdKind, IdFormat> formats, List<String> problems) {
    }

    private IdFormatParser() {
    }

    public static Parsed parse(Map<String, Object> options) {
        Map<IdKind, IdFormat> formats = new EnumMap<>(IdKind.class);
        List<String> problems = new ArrayList<>();
        Object raw = options == null ? null : options.get(OPTION);
        if (raw == null) {
            return new Parsed(formats, problems);
        }
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add(OPTION + " must be an object of id kind -> format");
            return new Parsed(formats, problems);
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String path = OPTION + "." + key;
            IdKind kind = IdKind.parse(key).orElse(null);
            if (kind == null) {
                problems.add(path + " is not a known id kind (costCode, projectId, projectTaskId, projectTemplateId,"
                        + " vendorId, customerId)");
                continue;
            }
            if (!(entry.getValue() instanceof Map<?, ?> rules)) {
                problems.add(path + " must be an object {maxLength, segments, separator, allowed}");
                continue;
            }
            int before = problems.size();
            Integer maxLength = positive(rules.get("maxLength"), path + ".maxLength", problems);
            List<Integer> segments = new ArrayList<>();
            Object rawSegments = rules.get("segments");
            if (rawSegments instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Integer length = positive(list.get(i), path + ".segments[" + i + "]", problems);
                    if (length != null) {
                        segments.add(length);
                    }
                }
            } else if (rawSegments != null) {
                problems.add(path + ".segments must be a list of segment lengths, e.g. [2, 3]");
            }
            Object rawSeparator = rules.get("separator");
            String separator = rawSeparator == null ? null : String.valueOf(rawSeparator);
            Pattern allowed = null;
            Object rawAllowed = rules.get("allowed");
            if (rawAllowed != null) {
                String text = String.valueOf(rawAllowed).trim();
                if (!text.startsWith("[")) {
                    text = "[" + text + "]";
                }
                try {
                    allowed = Pattern.compile(text);
                } catch (PatternSyntaxException e) {
                    problems.add(path + ".allowed is not a regex character class such as [A-Z0-9-]");
                }
            }
            if (problems.size() == before) {
                formats.put(kind, new IdFormat(maxLength, segments, separator, allowed));
            }
        }
        return new Parsed(formats, problems);
    }

    private static Integer positive(Object value, String path, List<String> problems) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && number.longValue() > 0 && number.longValue() <= 10_000) {
            return number.intValue();
        }
        if (value instanceof String text && text.trim().matches("[1-9][0-9]{0,3}")) {
            return Integer.valueOf(text.trim());
        }
        problems.add(path + " must be a whole number above 0");
        return null;
    }
}
