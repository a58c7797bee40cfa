package io.passerelle.sandbox.kit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's query string as the client sent it: parameters in order, repeated ones kept, names and values
 * URL-decoded as HTML forms are (so an unencoded {@code +} reads as a space, as on a real server).
 */
public final class Query {

    public record Parameter(String name, String value) {
    }

    private static final Query EMPTY = new Query("", List.of());

    private final String raw;
    private final List<Parameter> parameters;

    private Query(String raw, List<Parameter> parameters) {
        this.raw = raw;
        this.parameters = parameters;
    }

    /** Empty pairs ({@code a=1&&b=2}) are skipped; a name without {@code =} has the value "". */
    public static Query parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        List<Parameter> out = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.add(new Parameter(name(pair), value));
        }
        return new Query(rawQuery, List.copyOf(out));
    }

    private static String name(String pair) {
        int eq = pair.indexOf('=');
        return URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
    }

    /** The query string as received, still encoded; "" when there was none. */
    public String raw() {
        return raw;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    /** The first value of the parameter, or null. */
    public String get(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        return null;
    }

    public List<String> all(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value).toList();
    }

    /** The parameter as a non-negative integer, {@code fallback} when absent. */
    public int nonNegativeInt(String name, int fallback, BadParameter bad) {
        return intBetween(name, fallback, 0, Integer.MAX_VALUE, bad, "must be a non-negative integer");
    }

    /** The parameter as an integer in {@code [min, max]}, {@code fallback} when absent. */
    public int intBetween(String name, int fallback, int min, int max, BadParameter bad) {
        return intBetween(name, fallback, min, max, bad, "must be an integer from " + min + " to " + max);
    }

    private int intBetween(String name, int fallback, int min, int max, BadParameter bad, String rule) {
        String v = get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, as an out-of-range value is
        }
        throw bad.answer(name, v, rule);
    }

    /**
     * The raw query without the parameters named, still encoded, to build a link that keeps what the client
     * asked for ({@code $filter}, {@code $select}...) and changes only the position.
     */
    public String rawWithout(String... names) {
        StringBuilder b = new StringBuilder();
        outer:
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            for (String drop : names) {
                if (drop.equals(name(pair))) {
                    continue outer;
                }
            }
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(pair);
        }
        return b.toString();
    }
}
