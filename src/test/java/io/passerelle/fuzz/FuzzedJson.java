package io.passerelle.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.List;

/**
 * JSON text built from fuzzer input: objects whose field names mostly come from the entity's own fields, with
 * values of every JSON type, numbers out of double range, instants that are almost right, long and tricky strings.
 * Text rather than trees, so that it goes through the same parser as an ERP's answer.
 */
public final class FuzzedJson {

    /** Numbers that break naive readers: beyond double range, huge exponents, many digits, ties, negative zero. */
    private static final String[] NUMBERS = {"0", "-0", "1", "-1", "2.50", "0.1", "12.3456789", "1e400", "-1e400",
            "1e-400", "1E+999999999", "1e-999999999", "123456789012345678901234567890", "99999999999999.995",
            "999999.99995", "1.7976931348623157E308", "4.9E-324", "9223372036854775808", "-9223372036854775809"};
    private static final String[] INSTANTS = {"2026-11-16T10:15:30Z", "2026-11-16T10:15:30.123456789Z",
            "2026-11-16T10:15:30+01:00", "2026-11-16T10:15:30", "2026-11-16", "+10000-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-16T24:00:00Z",
            "2026-11-16T10:15:30.1234567891Z", ""};

    private final FuzzedDataProvider data;
    private final List<String> names;
    private final StringBuilder out = new StringBuilder();

    private FuzzedJson(FuzzedDataProvider data, List<String> names) {
        this.data = data;
        this.names = names;
    }

    /** An object whose field names are mostly picked from {@code names}, nested at most {@code depth} deep. */
    public static String object(FuzzedDataProvider data, List<String> names, int depth) {
        FuzzedJson json = new FuzzedJson(data, names);
        json.object(depth);
        return json.out.toString();
    }

    /** Any JSON value, nested at most {@code depth} deep. */
    public static String value(FuzzedDataProvider data, List<String> names, int depth) {
        FuzzedJson json = new FuzzedJson(data, names);
        json.value(depth);
        return json.out.toString();
    }

    private void object(int depth) {
        out.append('{');
        int fields = data.consumeInt(0, names.size() + 2);
        for (int i = 0; i < fields && data.remainingBytes() > 0; i++) {
            if (i > 0) {
                out.append(',');
            }
            string(names.isEmpty() || data.consumeInt(0, 7) == 0 ? FuzzedText.string(data, 12) : data.pickValue(names));
            out.append(':');
            value(depth);
        }
        out.append('}');
    }

    private void array(int depth) {
        out.append('[');
        int items = data.consumeInt(0, 4);
        for (int i = 0; i < items && data.remainingBytes() > 0; i++) {
            if (i > 0) {
                out.append(',');
            }
            value(depth);
        }
        out.append(']');
    }

    private void value(int depth) {
        switch (data.consumeInt(0, depth > 0 ? 10 : 8)) {
            case 0 -> out.append("null");
            case 1 -> out.append(data.consumeBoolean());
            case 2 -> out.append(data.consumeLong());
            case 3 -> out.append(data.pickValue(NUMBERS));
            case 4 -> string(data.pickValue(NUMBERS));
            case 5 -> string(data.pickValue(INSTANTS));
            case 6 -> string(FuzzedText.string(data, 40));
            case 7 -> string(FuzzedText.repeated(data, 1100));
            case 8 -> string(data.pickValue(names.isEmpty() ? List.of("") : names));
            case 9 -> object(depth - 1);
            default -> array(depth - 1);
        }
    }

    /** A JSON string literal, with quotes, controls and every surrogate escaped: an unpaired one stays unpaired once parsed. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2);
        appendQuoted(quoted, text);
        return quoted.toString();
    }

    private void string(String text) {
        appendQuoted(out, text);
    }

    private static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
