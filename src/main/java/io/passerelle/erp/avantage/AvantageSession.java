package io.passerelle.erp.avantage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.run.Causes;
import io.passerelle.run.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A logged-in conversation over a transport: adds the token, logs in again once when the token
 * has expired, and waits out {@code BUSY} answers as long as the server asks, a bounded number of times.
 */
public class AvantageSession {

    static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    static final String BUSY = "BUSY";
    private static final long DEFAULT_BUSY_DELAY_MS = 200;

    private final AvantageTransport transport;
    private final ObjectMapper mapper;
    private final String user;
    private final String password;
    private final int busyMaxAttempts;
    private volatile CompletableFuture<JsonNode> login;

    public AvantageSession(AvantageTransport transport, ObjectMapper mapper, String user, String password, int busyMaxAttempts) {
        this.transport = transport;
        this.mapper = mapper;
        this.user = user;
        this.password = password;
        this.busyMaxAttempts = busyMaxAttempts;
    }

    /** Logs in and waits: the LOGIN answer (token, company). */
    public JsonNode login() {
        return Futures.join(currentLogin(null));
    }

    public JsonNode ping() {
        return Futures.join(send(request("PING"), 1));
    }

    /** Sends {@code op} with {@code fields} and the session's token. */
    public CompletableFuture<JsonNode> call(String op, ObjectNode fields) {
        return call(op, fields, false);
    }

    private CompletableFuture<JsonNode> call(String op, ObjectNode fields, boolean reloggedIn) {
        CompletableFuture<JsonNode> session = currentLogin(null);
        return session.thenCompose(answer -> {
            String token = answer.path("token").asText();
            ObjectNode request = request(op).setAll(fields.deepCopy());
            request.put("token", token);
            return send(request, 1).exceptionallyCompose(failure -> {
                if (!reloggedIn && errorCode(failure).equals(TOKEN_EXPIRED)) {
                    currentLogin(session);
                    return call(op, fields, true);
                }
                return CompletableFuture.failedFuture(failure);
            });
        });
    }

    /** Logs in when nobody has, or again when {@code expired} is still the current login. */
    private synchronized CompletableFuture<JsonNode> currentLogin(CompletableFuture<JsonNode> expired) {
        if (login == null || login == expired || login.isCompletedExceptionally()) {
            ObjectNode request = request("LOGIN");
            request.put("user", user);
            request.put("password", password);
            login = send(request, 1);
        }
        return login;
    }

    private CompletableFuture<JsonNode> send(ObjectNode request, int attempt) {
        String op = request.path("op").asText();
        return transport.send(request.deepCopy()).thenCompose(answer -> {
            if (answer.path("ok").asBoolean(false)) {
                return CompletableFuture.completedFuture(answer);
            }
            JsonNode error = answer.path("error");
            AvantageErrorException refused = new AvantageErrorException(op, error.path("code").asText("UNKNOWN"),
                    error.path("message").asText(null), error.path("retryAfterMs").asLong(DEFAULT_BUSY_DELAY_MS));
            if (BUSY.equals(refused.code()) && attempt < busyMaxAttempts) {
                long delay = Math.max(1, refused.retryAfterMs()) * attempt;
                return CompletableFuture.supplyAsync(() -> request,
                        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                        .thenCompose(same -> send(same, attempt + 1));
            }
            return CompletableFuture.failedFuture(refused);
        });
    }

    private ObjectNode request(String op) {
        ObjectNode request = mapper.createObjectNode();
        request.put("op", op);
        return request;
    }

    static String errorCode(Throwable failure) {
        return Causes.unwrap(failure) instanceof AvantageErrorException refused ? refused.code() : "";
    }

}
