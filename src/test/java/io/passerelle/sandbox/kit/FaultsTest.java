package io.passerelle.sandbox.kit;

import static io.passerelle.sandbox.kit.KitServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault as a client meets it, on a server whose handlers consume them as an ERP's would. */
class FaultsTest {

    private final List<String> stored = new CopyOnWriteArrayList<>();
    private KitServer server;
    private Faults faults;

    @BeforeEach
    void start() {
        server = new KitServer(r -> r
                .route("GET", "/items", "items", req -> {
                    if (server.faults.takeTokenExpiry()) {
                        throw KitServer.ODataErrors.error(401, "Unauthorized", "The access token has expired");
                    }
                    Duration retryAfter = server.faults.takeTooManyRequests();
                    if (retryAfter != null) {
                        throw new ErrorAnswer(429, KitServer.ODataErrors.error(429, "TooManyRequests", "slow down").body(),
                                java.util.Map.of("Retry-After", Faults.retryAfterSeconds(retryAfter)));
                    }
                    return Answer.json(200, SimulatorJson.HTTP.createArrayNode().add(stored.size()));
                })
                .route("POST", "/items", "items", req -> {
                    stored.add(req.json().path("Id").asText());
                    if (server.faults.takeCutAfterWrite()) {
                        return Answer.cutConnection();
                    }
                    if (server.faults.takeGatewayTimeoutAfterWrite()) {
                        return Answer.loadBalancerPage(504);
                    }
                    ObjectNode ok = SimulatorJson.HTTP.createObjectNode().put("stored", stored.size());
                    return Answer.json(201, ok);
                }));
        faults = server.faults;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int status() throws Exception {
        return server.get("/items").statusCode();
    }

    @Test
    void tooManyRequestsNextThenEveryNthCallWithRetryAfterInWholeSeconds() throws Exception {
        faults.tooManyRequestsNext(2, Duration.ofMillis(1500));
        HttpResponse<String> first = server.get("/items");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("2");
        assertThat(json(first).path("error").path("code").asText()).isEqualTo("TooManyRequests");
        assertThat(status()).isEqualTo(429);
        assertThat(status()).isEqualTo(200);

        faults.tooManyRequestsEvery(3, Duration.ZERO);
        assertThat(List.of(status(), status(), status(), status(), status(), status()))
                .containsExactly(200, 200, 429, 200, 200, 429);
        assertThat(server.get("/items").headers().firstValue("Retry-After")).isEmpty();
        faults.reset();
        assertThat(List.of(status(), status(), status())).containsOnly(200);
    }

    @Test
    void anInjectedServerErrorIsNotHandled() throws Exception {
        faults.serverErrorNext(1, 503);
        HttpResponse<String> r = server.send("POST", "/items", "{\"Id\":\"A\"}");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("503 Service Temporarily Unavailable");
        assertThat(stored).isEmpty();
        assertThat(server.counters.requests("POST", "items")).as("counted all the same").isEqualTo(1);
        assertThat(server.send("POST", "/items", "{\"Id\":\"A\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void aCutBeforeHandlingStoresNothingAndACutAfterTheWriteStoresIt() throws Exception {
        faults.cutNext();
        assertThatThrownBy(() -> server.send("POST", "/items", "{\"Id\":\"A\"}")).isInstanceOf(IOException.class);
        assertThat(stored).isEmpty();

        faults.cutAfterWriteNext();
        assertThatThrownBy(() -> server.send("POST", "/items", "{\"Id\":\"B\"}")).isInstanceOf(IOException.class);
        assertThat(stored).containsExactly("B");

        faults.gatewayTimeoutAfterWriteNext();
        HttpResponse<String> late = server.send("POST", "/items", "{\"Id\":\"C\"}");
        assertThat(late.statusCode()).isEqualTo(504);
        assertThat(late.headers().firstValue("Content-Type")).contains("text/html");
        assertThat(stored).containsExactly("B", "C");
    }

    @Test
    void slowAnswersArriveAfterTheDelay() throws Exception {
        faults.delayNext(Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThat(status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        faults.delayAll(Duration.ofMillis(60));
        start = System.nanoTime();
        assertThat(List.of(status(), status())).containsOnly(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
        faults.delayAll(Duration.ZERO);
    }

    @Test
    void theTokenInUseExpiresAfterNCalls() throws Exception {
        faults.expireTokenAfter(2);
        assertThat(List.of(status(), status(), status(), status())).containsExactly(200, 200, 401, 200);
    }
}
