package io.passerelle.sandbox.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A kit server for the kit's tests: routes given by the test, errors in an OData-like shape
 * ({@code {"error": {"code", "message"}}}) to show that the shape is the ERP's, and an HTTP client.
 */
final class KitServer implements AutoCloseable {

    /** {@code {"error": {"code": ..., "message": ...}}}, as Abacus writes its errors. */
    static final class ODataErrors implements ErrorWriter {

        static ErrorAnswer error(int status, String code, String message) {
            ObjectNode body = SimulatorJson.HTTP.createObjectNode();
            body.putObject("error").put("code", code).put("message", message);
            return new ErrorAnswer(status, body);
        }

        @Override
        public ErrorAnswer notFound(Request request) {
            return error(404, "NotFound", "No resource at " + request.path());
        }

        @Override
        public ErrorAnswer methodNotAllowed(Request request, Set<String> allowed) {
            return error(405, "MethodNotAllowed", request.method() + " is not allowed; allowed: " + allowed);
        }

        @Override
        public ErrorAnswer internalError(Request request, RuntimeException failure) {
            return error(500, "InternalServerError", "An error has occurred.");
        }

        @Override
        public ErrorAnswer badBody(Request request, BodyProblem problem) {
            return error(400, "BadRequest", "body " + problem);
        }
    }

    final RequestCounters counters;
    final Faults faults = new Faults();
    final Router router;
    private final HttpSimulatorServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    KitServer(Consumer<Router> routes) {
        this(new RequestCounters(), routes);
    }

    /** With the counters the test also gives to a handler (a token endpoint counts its tokens there). */
    KitServer(RequestCounters counters, Consumer<Router> routes) {
        this.counters = counters;
        this.router = new Router("Kit", new ODataErrors(), counters, faults);
        routes.accept(router);
        this.server = new HttpSimulatorServer(router);
        server.start("127.0.0.1", 0);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return send(request(pathAndQuery, headers).GET());
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers)
            throws IOException, InterruptedException {
        return send(request(pathAndQuery, headers).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows an absolute link the server gave, verbatim. */
    HttpResponse<String> follow(String absoluteUrl) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(absoluteUrl)).GET());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return SimulatorJson.HTTP.readTree(response.body());
    }

    private HttpRequest.Builder request(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + pathAndQuery));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
