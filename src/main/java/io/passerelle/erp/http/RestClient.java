package io.passerelle.erp.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Calls through one transport: an authentication's headers on each attempt, a busy ERP waited out within the
 * {@link RetryPolicy}, one renewal after a 401, and the ERP's refusals in its words ({@link Refusals}).
 */
public final class RestClient {

    private final RestTransport transport;
    private final RetryPolicy retry;
    private final Refusals refusals;
    private final ObjectMapper mapper;

    public RestClient(RestTransport transport, RetryPolicy retry, Refusals refusals, ObjectMapper mapper) {
        this.transport = transport;
        this.retry = retry;
        this.refusals = refusals;
        this.mapper = mapper;
    }

    public RestTransport transport() {
        return transport;
    }

    public Refusals refusals() {
        return refusals;
    }

    /**
     * The answer, whatever its status, once busy answers were waited out (and a 401 renewed once).
     *
     * @param what names the call in messages, e.g. {@code GET CostCode}; never a query or a credential
     * @throws the ERP's refusal (in the future) when it stayed busy beyond the policy's bounds
     */
    public CompletableFuture<HttpAnswer> exchange(RestRequest request, String what, HttpAuthentication auth) {
        return attempt(request, what, auth, retry.patience(), false);
    }

    /** As {@link #exchange}, failing with the ERP's refusal unless the answer is 2xx. */
    public CompletableFuture<HttpAnswer> send(RestRequest request, String what, HttpAuthentication auth) {
        return exchange(request, what, auth).thenApply(answer -> {
            if (!answer.ok()) {
                throw refusals.refused(what, answer);
            }
            return answer;
        });
    }

    private CompletableFuture<HttpAnswer> attempt(RestRequest request, String what, HttpAuthentication auth,
            RetryPolicy.Patience patience, boolean renewed) {
        return auth.headers().thenCompose(credentials -> transport.call(request.withHeaders(credentials)).thenCompose(answer -> {
            if (retry.busy(answer)) {
                Optional<Duration> wait = patience.next(answer);
                if (wait.isEmpty()) {
                    throw refusals.gaveUp(what, answer, patience.gaveUp());
                }
                return retry.after(wait.get()).thenCompose(waited -> attempt(request, what, auth, patience, renewed));
            }
            if (answer.status() == 401 && !renewed) {
                return auth.renew(credentials).thenCompose(again -> again
                        ? attempt(request, what, auth, patience, true) : CompletableFuture.completedFuture(answer));
            }
            return CompletableFuture.completedFuture(answer);
        }));
    }

    /** The body as JSON; an empty body is an empty object. */
    public JsonNode json(HttpAnswer answer) {
        try {
            return answer.body() == null || answer.body().isBlank() ? mapper.createObjectNode() : mapper.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(refusals.erp() + " answered something that is not JSON");
        }
    }

    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON", e);
        }
    }

    /** Form fields, and token answers, are read with the same mapper. */
    ObjectMapper mapper() {
        return mapper;
    }
}
