package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A signed-in Acumatica session for the length of one run. Each session holds one of the tenant's
 * licensed API slots, so {@link #close()} always signs out. Cookie sign-in by default; OAuth 2.0
 * (password grant, refresh) when the connection carries a clientId.
 */
public class AcumaticaSession implements AutoCloseable {

    private static final long DEFAULT_RETRY_SECONDS = 1;

    private final AcumaticaTransport transport;
    private final ObjectMapper mapper;
    private final Map<String, String> credentials;
    private final String endpointPath;
    private final int maxAttempts;
    private volatile Map<String, String> auth = Map.of();
    private volatile String refreshToken;

    public AcumaticaSession(AcumaticaTransport transport, ObjectMapper mapper, Map<String, String> credentials,
            String endpointVersion, int maxAttempts) {
        this.transport = transport;
        this.mapper = mapper;
        this.credentials = credentials;
        this.endpointPath = "/entity/Default/" + endpointVersion + "/";
        this.maxAttempts = maxAttempts;
    }

    boolean oauth() {
        String clientId = credentials.get("clientId");
        return clientId != null && !clientId.isBlank();
    }

    /** Signs in, waiting out a full licence ("API Login Limit") a bounded number of times. */
    public void signIn() {
        join(signIn(1));
    }

    private CompletableFuture<Void> signIn(int attempt) {
        CompletableFuture<HttpAnswer> answer = oauth()
                ? transport.call("POST", "/identity/connect/token", null, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        form(passwordGrant()))
                : transport.call("POST", "/entity/auth/login", null, Map.of("Content-Type", "application/json"), json(cookieLogin()));
        return answer.thenCompose(http -> {
            if ((http.status() == 429 || AcumaticaErrors.loginLimit(http)) && attempt < maxAttempts) {
                return later(http, attempt).thenCompose(ignored -> signIn(attempt + 1));
            }
            if (!http.ok()) {
                throw AcumaticaErrors.of(mapper, "sign-in", http);
            }
            remember(http);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** A session that expired: an OAuth token is refreshed when we hold a refresh token, otherwise we sign in again. */
    private CompletableFuture<Void> renew() {
        String refresh = refreshToken;
        if (!oauth() || refresh == null) {
            return signIn(1);
        }
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "refresh_token");
        grant.put("refresh_token", refresh);
        grant.put("client_id", credentials.get("clientId"));
        grant.put("client_secret", credentials.get("clientSecret"));
        return transport.call("POST", "/identity/connect/token", null,
                Map.of("Content-Type", "application/x-www-form-urlencoded"), form(grant)).thenCompose(http -> {
                    if (!http.ok()) {
                        refreshToken = null;
                        return signIn(1);
                    }
                    remember(http);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private Map<String, Object> cookieLogin() {
        Map<String, Object> login = new LinkedHashMap<>();
        login.put("name", credentials.get("user"));
        login.put("password", credentials.get("password"));
        login.put("tenant", credentials.get("tenant"));
        if (credentials.get("branch") != null) {
            login.put("branch", credentials.get("branch"));
        }
        return login;
    }

    private Map<String, String> passwordGrant() {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "password");
        grant.put("client_id", credentials.get("clientId"));
        grant.put("client_secret", credentials.get("clientSecret"));
        grant.put("username", credentials.get("user"));
        grant.put("password", credentials.get("password"));
        grant.put("scope", "api offline_access");
        return grant;
    }

    private void remember(HttpAnswer http) {
        if (oauth()) {
            JsonNode token = read(http.body());
            refreshToken = token.path("refresh_token").asText(null);
            auth = Map.of("Authorization", "Bearer " + token.path("access_token").asText());
        } else {
            String cookies = http.setCookies().stream().map(cookie -> cookie.split(";", 2)[0].trim())
                    .collect(Collectors.joining("; "));
            auth = Map.of("Cookie", cookies);
        }
    }

    /** {@code GET <endpoint>/<entity>?<query>}: a JSON array. */
    public CompletableFuture<JsonNode> list(String entity, Map<String, String> query) {
        return call("GET", entity, query, null, Map.of(), 1, false);
    }

    /** {@code PUT <endpoint>/<entity>}: the saved entity. {@code extraHeaders} e.g. {@code If-None-Match: *}. */
    public CompletableFuture<JsonNode> put(String entity, Map<String, String> query, JsonNode body, Map<String, String> extraHeaders) {
        return call("PUT", entity, query, json(body), extraHeaders, 1, false);
    }

    /** {@code GET /entity}: the version and endpoints, a cheap check that the session works. */
    public JsonNode version() {
        HttpAnswer http = join(transport.call("GET", "/entity", null, headers(Map.of()), null));
        if (!http.ok()) {
            throw AcumaticaErrors.of(mapper, "GET /entity", http);
        }
        return read(http.body());
    }

    private CompletableFuture<JsonNode> call(String method, String entity, Map<String, String> query, String body,
            Map<String, String> extraHeaders, int attempt, boolean renewed) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.put("Accept", "application/json");
        return transport.call(method, endpointPath + entity, encode(query), headers(headers), body).thenCompose(http -> {
            if (http.status() == 429 && attempt < maxAttempts) {
                return later(http, attempt).thenCompose(x -> call(method, entity, query, body, extraHeaders, attempt + 1, renewed));
            }
            if (http.status() == 401 && !renewed) {
                return renew().thenCompose(x -> call(method, entity, query, body, extraHeaders, attempt, true));
            }
            if (!http.ok()) {
                throw AcumaticaErrors.of(mapper, method + " " + entity, http);
            }
            return CompletableFuture.completedFuture(read(http.body()));
        });
    }

    private Map<String, String> headers(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(auth);
        return all;
    }

    private CompletableFuture<Void> later(HttpAnswer http, int attempt) {
        long seconds = http.retryAfterSeconds() != null ? http.retryAfterSeconds() : DEFAULT_RETRY_SECONDS * attempt;
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(Math.max(0, seconds) * 1000 + 50,
                TimeUnit.MILLISECONDS));
    }

    /** Signs out, freeing the licence slot; also after a failed run. */
    @Override
    public void close() {
        if (auth.isEmpty()) {
            return;
        }
        try {
            join(transport.call("POST", "/entity/auth/logout", null, headers(Map.of()), null));
        } finally {
            auth = Map.of();
        }
    }

    static String encode(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON", e);
        }
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Acumatica answered something that is not JSON");
        }
    }

    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Acumatica");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
        }
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    List<String> authHeaderNames() {
        return List.copyOf(auth.keySet());
    }
}
