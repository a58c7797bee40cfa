package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.erp.http.Queries;
import io.passerelle.erp.http.RestRequest;
import io.passerelle.erp.http.RestSession;
import io.passerelle.run.Futures;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A signed-in Acumatica session for the length of one run. Each session holds one of the tenant's
 * licensed API slots, so {@link #close()} always signs out. Cookie sign-in by default; OAuth 2.0
 * (password grant, refresh) when the connection carries a clientId.
 */
public class AcumaticaSession implements AutoCloseable {

    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json");

    private final RestSession session;
    private final String endpointPath;

    AcumaticaSession(RestSession session, String endpointVersion) {
        this.session = session;
        this.endpointPath = "/entity/Default/" + endpointVersion + "/";
    }

    boolean oauth() {
        return session.authentication().equals("oauth2");
    }

    /** Signs in, waiting out a full licence ("API Login Limit") a bounded number of times. */
    public void signIn() {
        session.signIn();
    }

    /** {@code GET <endpoint>/<entity>?<query>}: a JSON array. */
    public CompletableFuture<JsonNode> list(String entity, Map<String, String> query) {
        return session.json(RestRequest.get(endpointPath + entity, query).withHeaders(ACCEPT_JSON), "GET " + entity);
    }

    /** {@code PUT <endpoint>/<entity>}: the saved entity. {@code extraHeaders} e.g. {@code If-None-Match: *}. */
    public CompletableFuture<JsonNode> put(String entity, Map<String, String> query, JsonNode body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json");
        headers.putAll(ACCEPT_JSON);
        return session.json(new RestRequest("PUT", endpointPath + entity, Queries.encode(query), headers,
                session.client().json(body)), "PUT " + entity);
    }

    /** {@code GET /entity}: the version and endpoints, a cheap check that the session works. */
    public JsonNode version() {
        return join(session.json(RestRequest.get("/entity", null), "GET /entity"));
    }

    /** The contract endpoint's path, e.g. {@code /entity/Default/24.200.001/}: lists are below it. */
    String endpointPath() {
        return endpointPath;
    }

    RestSession rest() {
        return session;
    }

    /** Signs out, freeing the licence slot; also after a failed run. */
    @Override
    public void close() {
        session.close();
    }

    public static <T> T join(CompletableFuture<T> future) {
        return Futures.join(future);
    }
}
