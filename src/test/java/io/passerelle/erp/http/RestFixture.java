package io.passerelle.erp.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.passerelle.run.ErrorHandlingRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A tiny HTTP server answering what a test tells it to, per method and path, and recording every request; and
 * transports to it through the kit's own route template, on one plain Camel context for the whole run.
 */
final class RestFixture implements AutoCloseable {

    record Request(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    record Response(int status, Map<String, List<String>> headers, String body) {
        static Response json(int status, String body) {
            return new Response(status, Map.of("Content-Type", List.of("application/json")), body);
        }

        Response with(String header, String... values) {
            Map<String, List<String>> more = new LinkedHashMap<>(headers);
            more.put(header, List.of(values));
            return new Response(status, more, body);
        }
    }

    @FunctionalInterface
    interface Responder {
        Response answer(Request request);
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong ROUTES = new AtomicLong();
    private static CamelContext camel;
    private static ProducerTemplate producer;

    private final HttpServer server;
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<RestTransport> transports = new ArrayList<>();
    /** Waits asked for by the retry policy of {@link #client}, which completes them at once. */
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    RestFixture() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (the path without its query) so. */
    RestFixture on(String method, String path, Responder responder) {
        responders.put(method + " " + path, responder);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    RestTransport transport() {
        return transport(url());
    }

    RestTransport transport(String baseUrl) {
        RestTransport transport = RestTransport.open(camel(), producer, "rest-fixture-" + ROUTES.incrementAndGet(), baseUrl,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        transports.add(transport);
        return transport;
    }

    /** A client whose waits are recorded in {@link #waits} and end at once: no test waits for a Retry-After. */
    RestClient client(RestTransport transport, RetryPolicy retry, InstantSource clock) {
        return new RestClient(transport, retry.with(clock, wait -> {
            waits.add(wait);
            return CompletableFuture.completedFuture(null);
        }), Refusals.of("Acme"), JSON);
    }

    RestClient client(RestTransport transport) {
        return client(transport, RetryPolicy.of(3, Duration.ofSeconds(30)), InstantSource.system());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        Responder responder = responders.get(request.method() + " " + request.path());
        Response response = responder == null ? Response.json(404, "{\"message\":\"nothing here\"}") : responder.answer(request);
        response.headers().forEach((name, values) -> values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static synchronized CamelContext camel() {
        if (camel == null) {
            try {
                CamelContext context = new DefaultCamelContext();
                context.addRoutes(new ErrorHandlingRoutes());
                context.addRoutes(new RestHttpRoutes());
                context.start();
                camel = context;
                producer = context.createProducerTemplate();
            } catch (Exception e) {
                throw new IllegalStateException("could not start Camel for the REST fixture", e);
            }
        }
        return camel;
    }

    @Override
    public void close() {
        transports.forEach(RestTransport::close);
        server.stop(0);
    }
}
