package io.passerelle.erp.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;

/**
 * An HTTP answer: status, body and the headers a client acts on (see {@link RestTransport#ANSWER_HEADERS}),
 * by name in any case.
 */
public record HttpAnswer(int status, String body, Map<String, List<String>> headers) {

    public HttpAnswer {
        Map<String, List<String>> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> named.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(named);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The header's first value, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    public List<String> setCookies() {
        return headers("Set-Cookie");
    }

    /** {@code 429 Too Many Requests}: the status and its reason phrase, when the status has a standard one. */
    public String statusLine() {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? String.valueOf(status) : status + " " + known.getReasonPhrase();
    }

    /** The status and header names: a body may be a token answer, a cookie a session. */
    @Override
    public String toString() {
        return "HttpAnswer[" + statusLine() + ", headers " + headers.keySet() + ", body " + (body == null ? 0 : body.length())
                + " chars]";
    }
}
