package io.passerelle.sandbox.kit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an HTTP simulator has seen, for tests that assert how a client behaved (retries, logouts, token
 * renewals, no second write). The router counts every request, rejected ones too, as {@code METHOD kind}
 * (the route's kind, or the path when no route has it); handlers add events ("429 answered") and keep the
 * last body written per kind as it was received. An ERP's counters extend this with its own names.
 */
public class RequestCounters {

    private static final String TOKEN_ISSUED = "token issued: ";

    private final Tally requests = new Tally();
    private final Tally events = new Tally();
    private final ConcurrentHashMap<String, JsonNode> lastBodies = new ConcurrentHashMap<>();

    void request(String method, String kind) {
        requests.add(method + " " + kind);
    }

    void tokenIssued(String grantType) {
        events.add(TOKEN_ISSUED + grantType);
    }

    /** Something worth counting happened, e.g. a 429 or a login-limit answer. */
    public void event(String name) {
        events.add(name);
    }

    /** Keeps a copy of a body as the client sent it, before the simulator rewrites anything in it. */
    public void received(String kind, JsonNode body) {
        lastBodies.put(kind, body.deepCopy());
    }

    public long requests(String method, String kind) {
        return requests.get(method + " " + kind);
    }

    public long events(String name) {
        return events.get(name);
    }

    /** Access tokens the token endpoint issued for this grant type ({@code password}, {@code refresh_token}...). */
    public long tokensIssued(String grantType) {
        return events.get(TOKEN_ISSUED + grantType);
    }

    /** The last body {@link #received} for this kind. */
    public Optional<JsonNode> lastBody(String kind) {
        return Optional.ofNullable(lastBodies.get(kind));
    }

    public long totalRequests() {
        return requests.total();
    }

    /** {@code METHOD kind} to count, in key order. */
    public Map<String, Long> requestsByKey() {
        return requests.snapshot();
    }

    public void reset() {
        requests.reset();
        events.reset();
        lastBodies.clear();
    }

    @Override
    public String toString() {
        return "requests=" + requestsByKey();
    }
}
