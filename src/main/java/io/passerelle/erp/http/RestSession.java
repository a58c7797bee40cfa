package io.passerelle.erp.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.run.Futures;
import java.util.concurrent.CompletableFuture;

/** A signed-in conversation with one ERP for the length of one run: {@link #close()} always signs out. */
public final class RestSession implements AutoCloseable {

    private final RestClient client;
    private final HttpAuthentication auth;

    public RestSession(RestClient client, HttpAuthentication auth) {
        this.client = client;
        this.auth = auth;
    }

    public void signIn() {
        Futures.join(auth.signIn());
    }

    /** The 2xx answer, or the ERP's refusal. */
    public CompletableFuture<HttpAnswer> send(RestRequest request, String what) {
        return client.send(request, what, auth);
    }

    /**
     * The answer whatever its status, once busy answers were waited out and a 401 renewed once: for a caller that
     * decides on a refusal itself (a 409 that means "already there", a 400 that names the fields).
     */
    public CompletableFuture<HttpAnswer> exchange(RestRequest request, String what) {
        return client.exchange(request, what, auth);
    }

    /** The 2xx answer's body as JSON, or the ERP's refusal. */
    public CompletableFuture<JsonNode> json(RestRequest request, String what) {
        return send(request, what).thenApply(client::json);
    }

    public RestClient client() {
        return client;
    }

    public String authentication() {
        return auth.kind();
    }

    /** Signs out, also after a failed run. */
    @Override
    public void close() {
        Futures.join(auth.signOut());
    }
}
