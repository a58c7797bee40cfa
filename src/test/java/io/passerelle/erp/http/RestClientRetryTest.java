package io.passerelle.erp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.erp.http.RestFixture.Response;
import io.passerelle.run.Futures;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A busy ERP (429, 503) is waited out as its Retry-After asks, within bounds, and said in words when they are hit. */
class RestClientRetryTest {

    private static final InstantSource NOW = InstantSource.fixed(Instant.parse("2026-03-02T10:00:00Z"));
    private static final String BUSY = "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"200 calls per minute\"}}";

    private final RestFixture fixture = new RestFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void tooManyRequestsAreWaitedOutAsAskedThenTheAnswerComes() {
        AtomicInteger calls = new AtomicInteger();
        fixture.on("GET", "/items", request -> calls.incrementAndGet() <= 2
                ? Response.json(429, BUSY).with("Retry-After", "7") : Response.json(200, "[]"));

        HttpAnswer answer = Futures.join(client(5, Duration.ofMinutes(1)).send(RestRequest.get("/items", null), "GET items",
                HttpAuthentication.NONE));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(fixture.requests("GET", "/items")).hasSize(3);
        assertThat(fixture.waits).containsExactly(Duration.ofMillis(7050), Duration.ofMillis(7050));
    }

    @Test
    void serviceUnavailableWithAnHttpDateIsWaitedOutUntilThen() {
        AtomicInteger calls = new AtomicInteger();
        fixture.on("GET", "/items", request -> calls.incrementAndGet() == 1
                ? Response.json(503, "").with("Retry-After", "Mon, 02 Mar 2026 10:00:30 GMT") : Response.json(200, "[]"));

        Futures.join(client(5, Duration.ofMinutes(1)).send(RestRequest.get("/items", null), "GET items", HttpAuthentication.NONE));

        assertThat(fixture.waits).containsExactly(Duration.ofMillis(30050));
    }

    @Test
    void withoutRetryAfterTheWaitsGrowBySecond() {
        AtomicInteger calls = new AtomicInteger();
        fixture.on("GET", "/items", request -> calls.incrementAndGet() <= 2 ? Response.json(429, "") : Response.json(200, "[]"));

        Futures.join(client(5, Duration.ofMinutes(1)).send(RestRequest.get("/items", null), "GET items", HttpAuthentication.NONE));

        assertThat(fixture.waits).containsExactly(Duration.ofMillis(1050), Duration.ofMillis(2050));
    }

    @Test
    void whenTheAttemptsAreSpentTheRunIsToldSoInWords() {
        fixture.on("GET", "/items", request -> Response.json(429, BUSY).with("Retry-After", "4"));

        assertThatThrownBy(() -> Futures.join(client(3, Duration.ofMinutes(1)).send(RestRequest.get("/items", null), "GET items",
                HttpAuthentication.NONE)))
                .isInstanceOf(RestRefusedException.class)
                .hasMessage("GET items: Acme answered 429 Too Many Requests 3 times; gave up after waiting 8 s in all"
                        + " — TooManyRequests: 200 calls per minute")
                .satisfies(e -> assertThat(((RestRefusedException) e).status()).isEqualTo(429));
        assertThat(fixture.requests("GET", "/items")).hasSize(3);
    }

    @Test
    void aWaitBeyondTheBoundIsNotWaitedAtAll() {
        fixture.on("GET", "/items", request -> Response.json(503, "<html><title>Down for maintenance</title></html>")
                .with("Retry-After", "3600"));

        assertThatThrownBy(() -> Futures.join(client(5, Duration.ofMinutes(2)).send(RestRequest.get("/items", null), "GET items",
                HttpAuthentication.NONE)))
                .hasMessage("GET items: Acme answered 503 Service Unavailable once and asked to wait 3600 s more;"
                        + " gave up after waiting 0 s in all (at most 120 s) — Down for maintenance");
        assertThat(fixture.waits).isEmpty();
        assertThat(fixture.requests("GET", "/items")).hasSize(1);
    }

    @Test
    void otherFailuresAreNotRetriedAndComeInTheErpsWords() {
        fixture.on("GET", "/items", request -> Response.json(400, "{\"error\":{\"code\":\"NotIndexed\",\"message\":\"Name is not indexed\"}}"));

        assertThatThrownBy(() -> Futures.join(client(5, Duration.ofMinutes(1)).send(RestRequest.get("/items", null), "GET items",
                HttpAuthentication.NONE)))
                .hasMessage("GET items answered HTTP 400 Bad Request — NotIndexed: Name is not indexed");
        assertThat(fixture.requests("GET", "/items")).hasSize(1);
    }

    @Test
    void anErpMayNameMoreAnswersWorthWaitingFor() {
        AtomicInteger calls = new AtomicInteger();
        fixture.on("POST", "/login", request -> calls.incrementAndGet() == 1
                ? Response.json(500, "{\"exceptionMessage\":\"API Login Limit reached\"}") : Response.json(204, ""));
        RetryPolicy policy = RetryPolicy.of(5, Duration.ofMinutes(1)).alsoWaitingOn(a -> a.body().contains("API Login Limit"));

        HttpAnswer answer = Futures.join(fixture.client(fixture.transport(), policy, NOW)
                .send(RestRequest.post("/login", "application/json", "{}"), "sign-in", HttpAuthentication.NONE));

        assertThat(answer.status()).isEqualTo(204);
        assertThat(fixture.waits).containsExactly(Duration.ofMillis(1050));
    }

    @Test
    void theRealWaitIsADelayedContinuationThatEnds() {
        AtomicInteger calls = new AtomicInteger();
        fixture.on("GET", "/items", request -> calls.incrementAndGet() == 1
                ? Response.json(429, "").with("Retry-After", "0") : Response.json(200, "[1]"));
        RestClient client = new RestClient(fixture.transport(), RetryPolicy.of(2, Duration.ofSeconds(5)), Refusals.of("Acme"),
                RestFixture.JSON);

        HttpAnswer answer = Futures.join(client.send(RestRequest.get("/items", null), "GET items", HttpAuthentication.NONE));

        assertThat(answer.body()).isEqualTo("[1]");
        assertThat(calls).hasValue(2);
    }

    private RestClient client(int attempts, Duration maxWait) {
        return fixture.client(fixture.transport(), RetryPolicy.of(attempts, maxWait), NOW);
    }
}
