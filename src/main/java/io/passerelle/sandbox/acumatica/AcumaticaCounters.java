package io.passerelle.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.sandbox.kit.RequestCounters;
import java.util.Optional;

/**
 * What the simulator has seen, for tests that assert how a client behaved (retries, logouts, no second
 * PUT). Keys are {@code METHOD Entity}; the authentication calls count as {@code POST auth/login},
 * {@code POST auth/logout} and {@code POST identity/token}. Every request counts, rejected ones too.
 */
public final class AcumaticaCounters extends RequestCounters {

    public static final String LOGIN = "auth/login";
    public static final String LOGOUT = "auth/logout";
    public static final String TOKEN = "identity/token";
    static final String TOO_MANY_REQUESTS = "429 answered";
    static final String LOGIN_LIMIT = "API Login Limit answered";

    /** The last PUT body of {@code entity} as it was received, e.g. to see which vendor id a client sent. */
    public Optional<JsonNode> lastWrite(String entity) {
        return lastBody(entity);
    }

    public long logins() {
        return requests("POST", LOGIN);
    }

    public long logouts() {
        return requests("POST", LOGOUT);
    }

    /** 429 answers given by the fault. */
    public long tooManyRequestsAnswers() {
        return events(TOO_MANY_REQUESTS);
    }

    /** "API Login Limit" answers, from login or the token endpoint. */
    public long loginLimitAnswers() {
        return events(LOGIN_LIMIT);
    }
}
