package io.passerelle.erp.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Query strings and form bodies: the values encoded, never concatenated raw into a URI. */
public final class Queries {

    private Queries() {
    }

    /**
     * {@code name=value&…} in the map's order. Names are written as given (they are ours, e.g. {@code $top});
     * a value's space is {@code %20}, as OData wants it, and a {@code +} is {@code %2B}.
     */
    public static String encode(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }

    /** An {@code application/x-www-form-urlencoded} body; fields whose value is null are left out. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
