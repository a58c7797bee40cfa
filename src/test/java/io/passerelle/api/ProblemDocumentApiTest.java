package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer is a problem document, also where Spring MVC never sees the request: paths Tomcat will not decode
 * or Spring Security's firewall refuses, request lines and headers over Tomcat's limit, bodies over the cap, and
 * writes on the read-only actuator. Requests go over a raw socket, asking for HTML: HTTP clients would normalise
 * or refuse these paths, and the answer must not depend on what the client prefers.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProblemDocumentApiTest extends ApiTestSupport {

    private static final String AUTH = "Authorization: Bearer " + ADMIN;
    private static final String HTML = "Accept: text/html";
    /** The default cap, passerelle.api.max-body-size. */
    private static final int CAP = 5 * 1024 * 1024;

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/connections/%2e%2e%2fx", // encoded ../ : Tomcat refuses the encoded slash
            "/api/connections/..%2Fx",
            "/api/connections/a%2Fb",
            "/api/connections/a%5Cb", // encoded backslash
            "/api/connections/%00",
            "/api/connections/%ZZ", // a % that starts no escape
            "/api/connections/x;jsessionid=0123", // Spring Security's firewall from here on
            "/api/connections/%252e%252e%252fx", // double-encoded ../
            "/api/connections/%2e%2e",
            "/api/x/../connections",
            "//api/connections",
    })
    void pathsThatAreRefusedAre400Problems(String path) {
        RawHttp.Reply reply = RawHttp.exchange(port, "GET " + path + " HTTP/1.1", AUTH, HTML);

        JsonNode problem = assertProblem(reply, 400);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    @Test
    void anUnknownMethodIsA400Problem() {
        assertProblem(RawHttp.exchange(port, "FROB /api/connections HTTP/1.1", AUTH, HTML), 400);
    }

    @Test
    void aRequestLineOverTomcatsLimitIsA414Problem() {
        String query = "q=" + "a".repeat(10_000);
        RawHttp.Reply reply = RawHttp.exchange(port,
                "GET /api/connections/boot-acumatica/records/projects?" + query + " HTTP/1.1", AUTH, HTML);

        JsonNode problem = assertProblem(reply, 414);
        assertThat(problem.path("detail").asText()).contains("server.max-http-request-header-size");
        assertThat(reply.body()).doesNotContain("aaaaaaaaaa");
    }

    @Test
    void headersOverTomcatsLimitAreA431Problem() {
        RawHttp.Reply reply = RawHttp.exchange(port, "GET /api/connections HTTP/1.1", AUTH, HTML,
                "X-Padding: " + "b".repeat(10_000));

        assertProblem(reply, 431);
    }

    @Test
    void whatIsNotHttpIsA400Problem() {
        assertProblem(RawHttp.exchange(port, "NOT AN HTTP REQUEST"), 400);
        assertProblem(RawHttp.exchange(port, "GET /api/connections HTTP/1.1", AUTH, "a header without a colon"), 400);
    }

    @Test
    void theErrorPageItselfIsAProblem() {
        assertProblem(RawHttp.exchange(port, "GET /error HTTP/1.1", AUTH, HTML), 404);
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /actuator/camelroutes/some-route/stop", // Camel's write operation, read-only: was a 500
            "POST, /actuator/camelroutes/some-route/info",
            "POST, /actuator/health",
            "PUT, /actuator/health",
            "DELETE, /actuator/metrics",
            "POST, /actuator/metrics/jvm.memory.used",
            "POST, /actuator/info",
    })
    void writesOnTheReadOnlyActuatorAre405ProblemsNamingGet(String method, String path) {
        RawHttp.Reply reply;
        try (RawHttp http = RawHttp.connect(port)) {
            reply = http.head(method + " " + path + " HTTP/1.1", AUTH, HTML, "Content-Type: application/json",
                    "Content-Length: 2").write("{}".getBytes(StandardCharsets.US_ASCII)).read();
        }

        assertProblem(reply, 405);
        assertThat(reply.header("Allow")).contains("GET");
    }

    @Test
    void aBodyOverTheCapIsRefusedBeforeItIsSent() {
        long size = 21L * 1024 * 1024;
        RawHttp.Reply reply;
        try (RawHttp http = RawHttp.connect(port)) {
            // the length is announced but not one byte of the body is sent: a server that read it would wait
            reply = http.head("POST /api/connections HTTP/1.1", AUTH, "Content-Type: application/json",
                    "Content-Length: " + size).read();
        }

        JsonNode problem = assertProblem(reply, 413);
        assertThat(problem.path("detail").asText()).contains("5 MB");
        assertThat(reply.errorFields()).containsExactly("body");
        assertThat(reply.header("Connection")).isEqualToIgnoringCase("close");
    }

    @Test
    void aChunkedBodyIsCutAtTheCap() {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        RawHttp.Reply reply;
        try (RawHttp http = RawHttp.connect(port)) {
            http.head("POST /api/connections HTTP/1.1", AUTH, "Content-Type: application/json",
                    "Transfer-Encoding: chunked");
            http.chunk("{\"id\": \"".getBytes(StandardCharsets.US_ASCII));
            for (int sent = 0; sent <= CAP; sent += chunk.length) {
                http.chunk(chunk);
            }
            // no last chunk: a server that read the body to its end would still be waiting
            reply = http.read();
        }

        assertProblem(reply, 413);
        assertThat(reply.errorFields()).containsExactly("body");
    }

    @Test
    void aChunkedBodyUnderTheCapIsReadAsAnyOther() {
        RawHttp.Reply reply;
        try (RawHttp http = RawHttp.connect(port)) {
            http.head("POST /api/connections HTTP/1.1", AUTH, "Content-Type: application/json",
                    "Transfer-Encoding: chunked");
            http.chunk("{\"id\": \"Not Valid\",".getBytes(StandardCharsets.US_ASCII));
            http.chunk(" \"erp\": \"avantage\"}".getBytes(StandardCharsets.US_ASCII));
            reply = http.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).read();
        }

        assertProblem(reply, 400);
        assertThat(reply.errorFields()).contains("id");
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/runs?limit=abc, limit",
            "GET, /api/runs?limit=0, limit",
            "GET, /api/runs?limit=99999999999, limit",
            "GET, /api/runs?status=DONE, status",
            "GET, /api/runs/abc, runId",
            "GET, /api/runs/abc/errors, runId",
            "GET, /api/commitments?after=abc, after",
            "GET, /api/commitments?after=99999999999999999999, after",
            "GET, /api/commitments?limit=-1, limit",
            "GET, /api/commitments?state=SENT, state",
            "GET, /api/commitments/abc, id",
            "GET, /api/invoices?after=x, after",
            "GET, /api/invoices?limit=1.5, limit",
            "GET, /api/invoices/1.5, id",
            "GET, /api/approvals?after=zz, after",
            "GET, /api/approvals?after=commitment-x, after",
            "GET, /api/approvals?kind=ORDERS, kind",
            "GET, /api/approvals?limit=many, limit",
            "GET, /api/timesheets?limit=abc, limit",
            "GET, /api/timesheets?status=SENT, status",
            "POST, /api/connections/boot-acumatica/sync/all?wait=maybe, wait",
            "POST, /api/connections/boot-acumatica/sync/all?mode=partial, mode",
            "POST, /api/connections/boot-acumatica/export/commitments?wait=maybe, wait",
    })
    void badCursorsLimitsAndIdsAre400sNamingTheParameter(String method, String path, String field,
            CapturedOutput output) {
        int logged = output.length();

        Response reply = call(method, path, ADMIN);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.errorFields()).contains(field);
        assertThat(output.toString().substring(logged)).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    private JsonNode assertProblem(RawHttp.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.body()).doesNotContainIgnoringCase("<html").doesNotContain("Exception")
                .doesNotContain("at io.").doesNotContain("at org.").doesNotContain("Tomcat");
        try {
            JsonNode problem = json.readTree(reply.body());
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("title").asText()).isNotBlank();
            assertThat(problem.path("errors").isArray()).as(reply.body()).isTrue();
            return problem;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply, e);
        }
    }
}
