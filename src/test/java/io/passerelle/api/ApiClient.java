package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the API of an application listening on {@code port}, as a client would: JSON in, JSON or problem out. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final ObjectMapper json;

    public ApiClient(int port, ObjectMapper json) {
        this.port = port;
        this.json = json;
    }

    public ApiTestSupport.Response call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiTestSupport.Response(response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public ApiTestSupport.Response call(String method, String path, String token) {
        return call(method, path, token, null);
    }

    /** The JSON of an answer that must be a 200 (the answer itself in the failure's words otherwise). */
    public static JsonNode ok(ApiTestSupport.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.node();
    }

    /** A request body: {@code value} as JSON. */
    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
