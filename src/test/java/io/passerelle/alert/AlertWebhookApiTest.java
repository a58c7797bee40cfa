package io.passerelle.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.passerelle.SandboxApiTest;
import io.passerelle.api.ApiClient;
import io.passerelle.api.ApiTestSupport.Response;
import io.passerelle.run.Timestamps;
import io.passerelle.sandbox.acumatica.AcumaticaSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A connection's webhook through the API, against a receiver in the test: a failing flow sends one signed FAILED
 * however often it fails, its recovery one RECOVERED; a receiver that answers 500 gets the same delivery again until
 * it answers 200; the secret is never answered nor sent.
 */
@SandboxApiTest
@TestPropertySource(properties = {"passerelle.alerts.poll-interval=200ms", "passerelle.alerts.first-backoff=200ms",
        "passerelle.alerts.max-backoff=400ms", "passerelle.alerts.max-attempts=5"})
class AlertWebhookApiTest {

    static final String ADMIN = "test-admin-token";
    static final String CONNECTION = "sandbox-acumatica";
    static final String ALERTS = "/api/connections/" + CONNECTION + "/alerts";
    static final String SECRET = "a-webhook-secret-that-is-long-enough";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    AcumaticaSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;

    private ApiClient api;
    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** The statuses the receiver answers next, then 200. */
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    record Received(Map<String, List<String>> headers, byte[] body, int answered) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @BeforeEach
    void receiverListening() throws IOException {
        api = new ApiClient(port, json);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Integer next = answers.poll();
            int status = next == null ? 200 : next;
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopped() {
        simulator.faults().reset();
        api.call("DELETE", ALERTS, ADMIN);
        receiver.stop(0);
    }

    @Test
    void aFailingFlowSendsOneSignedFailedAndItsRecoveryOneRecovered() throws IOException {
        assertThat(sync().path("status").asText()).isEqualTo("SUCCEEDED");
        Response put = api.call("PUT", ALERTS, ADMIN, subscription(SECRET));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.node().path("secret").asText()).isEqualTo("****");

        simulator.faults().loginLimit(0);
        JsonNode failed = sync();
        assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(sync().path("status").asText()).isEqualTo("FAILED");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 1);
        Received alert = received.get(0);
        assertThat(alert.header("X-Passerelle-Event")).isEqualTo("FAILED");
        assertThat(WebhookSignature.verifies(alert.body(), SECRET, alert.header("X-Passerelle-Signature")))
                .as("signed with the secret over the exact bytes").isTrue();
        String text = new String(alert.body(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(SECRET).doesNotContain("sandbox\"").doesNotContain("password");
        JsonNode body = json.readTree(alert.body());
        assertThat(body.path("event").asText()).isEqualTo("FAILED");
        assertThat(body.path("connection").asText()).isEqualTo(CONNECTION);
        assertThat(body.path("flow").asText()).isEqualTo("projects");
        assertThat(body.path("run").path("id").asLong()).isEqualTo(failed.path("id").asLong());
        assertThat(body.path("run").path("status").asText()).isEqualTo("FAILED");
        assertThat(body.path("run").path("counts").isObject()).isTrue();
        assertThat(body.path("since").asText()).as("the last success").isNotEmpty();
        assertThat(body.has("at")).isTrue();

        simulator.faults().reset();
        assertThat(sync().path("status").asText()).isEqualTo("SUCCEEDED");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 2);
        Received recovered = received.get(1);
        assertThat(recovered.header("X-Passerelle-Event")).isEqualTo("RECOVERED");
        assertThat(WebhookSignature.verifies(recovered.body(), SECRET, recovered.header("X-Passerelle-Signature")))
                .isTrue();
        assertThat(json.readTree(recovered.body()).path("since").asText()).as("since the FAILED it ends")
                .isEqualTo(body.path("at").asText());
        assertThat(recovered.header("X-Passerelle-Delivery")).isNotEqualTo(alert.header("X-Passerelle-Delivery"));

        assertThat(sync().path("status").asText()).isEqualTo("SUCCEEDED");
        List<String> ours = List.of(alert.header("X-Passerelle-Delivery"), recovered.header("X-Passerelle-Delivery"));
        JsonNode deliveries = api.call("GET", ALERTS + "/deliveries", ADMIN).node().path("items");
        deliveries.forEach(d -> {
            if (ours.contains(d.path("id").asText())) {
                assertThat(d.path("status").asText()).isEqualTo("DELIVERED");
                assertThat(d.path("attempts").asInt()).isEqualTo(1);
            }
        });
        assertThat(received).as("one alert per transition, not per run").hasSize(2);
    }

    @Test
    void aReceiverThatAnswers500TwiceGetsTheSameDeliveryThreeTimes() {
        assertThat(api.call("PUT", ALERTS, ADMIN, subscription(SECRET)).status()).isEqualTo(200);
        answers.add(500);
        answers.add(500);
        simulator.faults().loginLimit(0);
        assertThat(sync().path("status").asText()).isEqualTo("FAILED");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3);
        assertThat(received).extracting(Received::answered).containsExactly(500, 500, 200);
        assertThat(received).extracting(r -> r.header("X-Passerelle-Delivery")).containsOnly(
                received.get(0).header("X-Passerelle-Delivery"));
        received.forEach(r -> assertThat(WebhookSignature.verifies(r.body(), SECRET,
                r.header("X-Passerelle-Signature"))).isTrue());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode delivery = null;
            for (JsonNode d : api.call("GET", ALERTS + "/deliveries", ADMIN).node().path("items")) {
                if (d.path("id").asText().equals(received.get(0).header("X-Passerelle-Delivery"))) {
                    delivery = d;
                }
            }
            assertThat(delivery).isNotNull();
            assertThat(delivery.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
            assertThat(delivery.path("lastStatus").asInt()).isEqualTo(200);
        });
        simulator.faults().reset();
        assertThat(sync().path("status").asText()).isEqualTo("SUCCEEDED");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 4);
    }

    @Test
    void aScheduledFlowThatHasNotSucceededForLongerThanItsScheduleAllowsIsOneStaleThenRecovered() throws IOException {
        String alerts = "/api/connections/sandbox-avantage/alerts";
        try {
            Response put = api.call("PUT", alerts, ADMIN, """
                    {"url": "http://127.0.0.1:%d/hook", "secret": "%s", "events": ["STALE", "RECOVERED"]}"""
                    .formatted(receiver.getAddress().getPort(), SECRET));
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            JsonNode run = ok(api.call("POST", "/api/connections/sandbox-avantage/sync/projects?wait=true", ADMIN));
            assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
            // hourly (the sandbox's schedule of projects): stale after 2 × 1 h + 5 min; its last success made 3 h old
            Instant threeHoursAgo = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MICROS);
            assertThat(jdbc.update("update alert_state set last_success_at = ?, first_seen_at = ?"
                    + " where connection_id = 'sandbox-avantage' and flow = 'projects'",
                    Timestamps.utc(threeHoursAgo), Timestamps.utc(threeHoursAgo))).isEqualTo(1);

            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 1);
            Received stale = received.get(0);
            assertThat(stale.header("X-Passerelle-Event")).isEqualTo("STALE");
            JsonNode body = json.readTree(stale.body());
            assertThat(body.path("flow").asText()).isEqualTo("projects");
            assertThat(Instant.parse(body.path("since").asText())).isEqualTo(threeHoursAgo);
            assertThat(body.path("run").path("id").asLong()).as("its last run").isEqualTo(run.path("id").asLong());
            assertThat(WebhookSignature.verifies(stale.body(), SECRET, stale.header("X-Passerelle-Signature")))
                    .isTrue();

            ok(api.call("POST", "/api/connections/sandbox-avantage/sync/projects?wait=true", ADMIN));
            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 2);
            assertThat(received.get(1).header("X-Passerelle-Event")).isEqualTo("RECOVERED");
            assertThat(received).as("one STALE, however many checks").hasSize(2);
        } finally {
            api.call("DELETE", alerts, ADMIN);
        }
    }

    @Test
    void theSecretIsShownAsStarsKeptByStarsAndAUrlThatIsNotHttpIsA400NamingUrl() {
        assertThat(api.call("GET", ALERTS, ADMIN).status()).isEqualTo(404);
        assertThat(api.call("PUT", ALERTS, ADMIN, subscription("****")).errorFields()).containsExactly("secret");
        assertThat(api.call("PUT", ALERTS, ADMIN, subscription(SECRET)).status()).isEqualTo(200);

        Response shown = api.call("GET", ALERTS, ADMIN);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).doesNotContain(SECRET);
        assertThat(shown.node().path("secret").asText()).isEqualTo("****");
        assertThat(shown.node().path("events")).hasSize(4);
        assertThat(shown.node().path("partialAfter").asInt()).isEqualTo(2);

        Response kept = api.call("PUT", ALERTS, ADMIN, """
                {"url": "https://hooks.example.com/p", "secret": "****", "events": ["failed"]}""");
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.node().path("events")).hasSize(1);
        assertThat(kept.node().path("partialAfter").asInt()).as("the default").isEqualTo(3);

        for (String url : List.of("ftp://hooks.example.com/p", "hooks.example.com/p", "file:///etc/passwd",
                "https://user:pw@hooks.example.com/")) {
            Response refused = api.call("PUT", ALERTS, ADMIN, """
                    {"url": "%s", "secret": "%s"}""".formatted(url, SECRET));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly("url");
            assertThat(refused.body()).doesNotContain(SECRET);
        }
        assertThat(api.call("PUT", ALERTS, ADMIN, """
                {"url": "https://h.example.com", "secret": "%s", "events": ["LATE"]}""".formatted(SECRET))
                .errorFields()).containsExactly("events");
        assertThat(api.call("PUT", ALERTS, ADMIN, """
                {"url": "https://h.example.com", "secret": "%s", "partialAfter": 0}""".formatted(SECRET))
                .errorFields()).containsExactly("partialAfter");
        assertThat(api.call("PUT", ALERTS, "alice-token", subscription(SECRET)).status())
                .as("a change of a connection alice does not own").isEqualTo(403);

        assertThat(api.call("DELETE", ALERTS, ADMIN).status()).isEqualTo(204);
        assertThat(api.call("GET", ALERTS, ADMIN).status()).isEqualTo(404);
        assertThat(api.call("GET", "/api/connections/no-such/alerts", ADMIN).status()).isEqualTo(404);
    }

    private String subscription(String secret) {
        return """
                {"url": "http://127.0.0.1:%d/hook", "secret": "%s",
                 "events": ["FAILED", "PARTIAL", "STALE", "RECOVERED"], "partialAfter": 2}"""
                .formatted(receiver.getAddress().getPort(), secret);
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.node();
    }

    private JsonNode sync() {
        Response run = api.call("POST", "/api/connections/" + CONNECTION + "/sync/projects?wait=true", ADMIN);
        if (run.status() != 200 && run.status() != 201) {
            throw new UncheckedIOException(new IOException("sync answered " + run));
        }
        return run.node();
    }
}
