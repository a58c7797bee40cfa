package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Failed sign-ins are logged, never with the token, and limited per client address. The addresses come from
 * X-Forwarded-For, which Tomcat trusts from 127.0.0.1 once forward headers are on, as behind a reverse proxy.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "passerelle.security.failed-sign-ins-per-minute=5",
        "server.forward-headers-strategy=native",
})
class SignInLimitApiTest extends ApiTestSupport {

    private static final String WRONG_TOKEN = "wrong-7f3a9c0e5b1d4426-token";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachFailureIsOneLineWithTheAddressPathAndReasonNeverTheToken(CapturedOutput output) {
        assertThat(from("198.51.100.1", "GET", "/api/connections?access_token=in-the-query", WRONG_TOKEN).statusCode())
                .isEqualTo(401);
        assertThat(from("198.51.100.1", "GET", "/api/runs", null).statusCode()).isEqualTo(401);
        // an open path answers, but a wrong token there is a failed sign-in too: else it would serve to try tokens
        assertThat(from("198.51.100.1", "GET", "/actuator/health", WRONG_TOKEN).statusCode()).isIn(200, 503);
        assertThat(from("198.51.100.1", "GET", "/actuator/health", null).statusCode()).isIn(200, 503);

        String log = output.toString();
        assertThat(log).contains("Failed sign-in from 198.51.100.1 on GET /api/connections: unknown token")
                .contains("Failed sign-in from 198.51.100.1 on GET /api/runs: no bearer token")
                .contains("Failed sign-in from 198.51.100.1 on GET /actuator/health: unknown token");
        assertThat(count(log, "Failed sign-in from 198.51.100.1 ")).isEqualTo(3);
        assertThat(log).doesNotContain("7f3a9c0e").doesNotContain("wrong-").doesNotContain("in-the-query");
        assertThat(log).containsPattern("WARN .*Failed sign-in from 198.51.100.1");
    }

    @Test
    void afterTheLimitAnAddressIsAnswered429WithRetryAfterWithoutItsTokenBeingChecked(CapturedOutput output) {
        for (int i = 0; i < 5; i++) {
            assertThat(from("198.51.100.2", "GET", "/api/connections", WRONG_TOKEN).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = from("198.51.100.2", "GET", "/api/connections", WRONG_TOKEN);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.body()).contains("\"status\":429").contains("try again in")
                .doesNotContain("7f3a9c0e").doesNotContain("Exception");
        // the block is on the address: a good token from there waits too, from elsewhere it is answered
        assertThat(from("198.51.100.2", "GET", "/api/connections", ADMIN).statusCode()).isEqualTo(429);
        assertThat(from("198.51.100.3", "GET", "/api/connections", ADMIN).statusCode()).isEqualTo(200);
        assertThat(from("198.51.100.3", "GET", "/api/connections", WRONG_TOKEN).statusCode()).isEqualTo(401);
        // what carries no credentials is not a sign-in: the open probe still answers
        assertThat(from("198.51.100.2", "GET", "/actuator/health", null).statusCode()).isIn(200, 503);
        for (int i = 0; i < 20; i++) {
            assertThat(from("198.51.100.2", "GET", "/api/runs", WRONG_TOKEN).statusCode()).isEqualTo(429);
        }

        String log = output.toString();
        assertThat(count(log, "Failed sign-in from 198.51.100.2 ")).isEqualTo(5);
        assertThat(count(log, "Sign-ins from 198.51.100.2 are refused for ")).isEqualTo(1);
        assertThat(log).doesNotContain("7f3a9c0e");
    }

    private HttpResponse<String> from(String address, String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("X-Forwarded-For", address);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
