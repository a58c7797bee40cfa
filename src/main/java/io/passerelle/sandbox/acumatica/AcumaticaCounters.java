package io.passerelle.sandbox.acumatica;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the simulator has seen, for tests that assert how a client behaved (retries, logouts, no second
 * PUT). Keys are {@code METHOD Entity}; the authentication calls count as {@code POST auth/login},
 * {@code POST auth/logout} and {@code POST identity/token}. Every request counts, rejected ones too.
 */
public final class AcumaticaCounters {

    public static final String LOGIN = "auth/login";
    public static final String LOGOUT = "auth/logout";
    public static final String TOKEN = "identity/token";

    private final ConcurrentHashMap<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder tooManyRequests = new LongAdder();
    private final LongAdder loginLimitAnswers = new LongAdder();
    private final ConcurrentHashMap<String, JsonNode> lastWrites = new ConcurrentHashMap<>();

    void request(String method, String entity) {
        requests.computeIfAbsent(method + " " + entity, k -> new LongAdder()).increment();
    }

    /** The body of a PUT as the client sent it, before the tenant rewrites ids to their stored spelling. */
    void written(String entity, JsonNode body) {
        lastWrites.put(entity, body.deepCopy());
    }

    void tooManyRequestsAnswered() {
        tooManyRequests.increment();
    }

    void loginLimitAnswered() {
        loginLimitAnswers.increment();
    }

    public long requests(String method, String entity) {
        LongAdder n = requests.get(method + " " + entity);
        return n == null ? 0 : n.sum();
    }

    /** The last PUT body of {@code entity} as it was received, e.g. to see which vendor id a client sent. */
    public Optional<JsonNode> lastWrite(String entity) {
        return Optional.ofNullable(lastWrites.get(entity));
    }

    public long logins() {
        return requests("POST", LOGIN);
    }

    public long logouts() {
        return requests("POST", LOGOUT);
    }

    /** 429 answers given by the fault. */
    public long tooManyRequestsAnswers() {
        return tooManyRequests.sum();
    }

    /** "API Login Limit" answers, from login or the token endpoint. */
    public long loginLimitAnswers() {
        return loginLimitAnswers.sum();
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> requestsByKey() {
        Map<String, Long> out = new TreeMap<>();
        requests.forEach((k, n) -> out.put(k, n.sum()));
        return out;
    }

    public void reset() {
        requests.clear();
        lastWrites.clear();
        tooManyRequests.reset();
        loginLimitAnswers.reset();
    }

    @Override
    public String toString() {
        return "requests=" + requestsByKey();
    }
}
