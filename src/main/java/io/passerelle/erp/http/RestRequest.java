package io.passerelle.erp.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request below a transport's base URL. Its {@code toString} hides what may be secret.
 *
 * @param path    below the base URL, e.g. {@code /entity/Default/24.200.001/Project}
 * @param query   already encoded (see {@link Queries#encode}), or null
 * @param headers request headers (Content-Type, Accept, If-None-Match …); authentication adds its own
 */
public record RestRequest(String method, String path, String query, Map<String, String> headers, String body) {

    public RestRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static RestRequest get(String path, Map<String, String> query) {
        return new RestRequest("GET", path, Queries.encode(query), Map.of(), null);
    }

    public static RestRequest post(String path, String contentType, String body) {
        return new RestRequest("POST", path, null, Map.of("Content-Type", contentType), body);
    }

    /** The same request with {@code more} headers; theirs win over ones of the same name. */
    public RestRequest withHeaders(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new RestRequest(method, path, query, all, body);
    }

    /** Names the headers, never their values (a cookie, a token), and never the body (a password). */
    @Override
    public String toString() {
        return "RestRequest[" + method + " " + path + ", headers " + headers.keySet() + ", body " + (body == null ? "none" : "hidden") + "]";
    }
}
