package io.passerelle.sandbox.kit;

import static io.passerelle.sandbox.kit.KitServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouterTest {

    private KitServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Answer echo(Request request) {
        ObjectNode out = SimulatorJson.HTTP.createObjectNode();
        out.put("method", request.method());
        out.put("path", request.path());
        request.query().parameters().forEach(p -> out.withArray("query").add(p.name() + "=" + p.value()));
        return Answer.json(200, out);
    }

    @Test
    void routesByMethodAndPatternWithParamsAndTheRestOfThePath() throws Exception {
        server = new KitServer(r -> r
                .route("GET", "/api/mandants/{mandant}/{set}", req -> Answer.json(200, SimulatorJson.HTTP
                        .createObjectNode().put("mandant", req.param("mandant")).put("set", req.param("set"))))
                .route("GET", "/files/{kind}/{names...}", "files", req -> Answer.json(200, SimulatorJson.HTTP
                        .valueToTree(List.of(req.param("kind"), req.rest())))));

        HttpResponse<String> mandant = server.get("/api/mandants/7777/Employees(4711)");
        assertThat(mandant.statusCode()).isEqualTo(200);
        assertThat(json(mandant).path("mandant").asText()).isEqualTo("7777");
        assertThat(json(mandant).path("set").asText()).isEqualTo("Employees(4711)");

        assertThat(json(server.get("/files/Bill/a/b%7Cc")).toString()).isEqualTo("[\"Bill\",[\"a\",\"b|c\"]]");
        assertThat(json(server.get("/files/Bill")).toString()).as("{names...} matches no segment too")
                .isEqualTo("[\"Bill\",[]]");
        assertThat(server.counters.requests("GET", "files")).isEqualTo(2);
        assertThat(server.counters.requests("GET", "/api/mandants/{mandant}/{set}")).isEqualTo(1);
    }

    @Test
    void unknownPathsAndMethodsAreAnsweredInTheErpsShapeAndCounted() throws Exception {
        server = new KitServer(r -> r.route("POST", "/token", "token", RouterTest::echo)
                .route("GET", "/ping", "ping", RouterTest::echo));

        HttpResponse<String> missing = server.get("/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").path("code").asText()).isEqualTo("NotFound");
        assertThat(missing.headers().firstValue("Content-Type")).contains(Answer.JSON_CONTENT_TYPE);

        HttpResponse<String> wrongMethod = server.get("/token");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).path("error").path("message").asText()).contains("[POST]");

        assertThat(server.get("/ping/").statusCode()).as("a pattern without params matches exactly").isEqualTo(404);
        assertThat(server.counters.requestsByKey())
                .containsEntry("GET /nothing", 1L).containsEntry("GET token", 1L).containsEntry("GET /ping/", 1L);
        assertThat(server.counters.totalRequests()).isEqualTo(3);
    }

    @Test
    void handlerErrorsAndFailuresBecomeAnswersWithoutAStackTrace() throws Exception {
        server = new KitServer(r -> r
                .route("GET", "/refused", "refused", req -> {
                    throw KitServer.ODataErrors.error(409, "Conflict", "An entity with key Id=1 already exists");
                })
                .route("GET", "/broken", "broken", req -> {
                    throw new IllegalStateException("secret internals");
                }));

        HttpResponse<String> refused = server.get("/refused");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("error").path("code").asText()).isEqualTo("Conflict");

        HttpResponse<String> broken = server.get("/broken");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).doesNotContain("secret internals").doesNotContain("at io.passerelle");
    }

    @Test
    void jsonBodiesAreReadStrictlyAndWrittenWithExactDecimals() throws Exception {
        server = new KitServer(r -> r.route("POST", "/echo", "echo", req -> Answer.json(201, req.json())));

        HttpResponse<String> ok = server.send("POST", "/echo", "{\"Quantity\":7.50,\"Amount\":1000.00,\"Rate\":0.1}");
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).as("decimal, never binary floating point; plain, never 1E+3")
                .isEqualTo("{\"Quantity\":7.5,\"Amount\":1000,\"Rate\":0.1}");

        HttpResponse<String> trailing = server.send("POST", "/echo", "{\"a\":1} {\"b\":2}");
        assertThat(trailing.statusCode()).isEqualTo(400);
        assertThat(json(trailing).path("error").path("message").asText()).isEqualTo("body NOT_JSON");
        assertThat(json(server.send("POST", "/echo", "")).path("error").path("message").asText())
                .isEqualTo("body EMPTY");
    }

    @Test
    void theQueryKeepsOrderRepeatsAndDecodesAsFormsDo() throws Exception {
        server = new KitServer(r -> r.route("GET", "/q", "q", RouterTest::echo));

        assertThat(json(server.get("/q?$filter=Id%20ge%201&a=1&a=2&&flag&plus=a+b")).path("query").toString())
                .isEqualTo("[\"$filter=Id ge 1\",\"a=1\",\"a=2\",\"flag=\",\"plus=a b\"]");

        Query q = Query.parse("$top=10&$skip=x&$filter=Name%20eq%20'A'");
        assertThat(q.get("$top")).isEqualTo("10");
        assertThat(q.rawWithout("$skip")).isEqualTo("$top=10&$filter=Name%20eq%20'A'");
        BadParameter bad = (name, value, rule) -> KitServer.ODataErrors.error(400, "BadRequest",
                name + " " + rule + ", not '" + value + "'");
        assertThat(q.nonNegativeInt("$top", 0, bad)).isEqualTo(10);
        ErrorAnswer refused = org.junit.jupiter.api.Assertions.assertThrows(ErrorAnswer.class,
                () -> q.nonNegativeInt("$skip", 0, bad));
        assertThat(refused.body().path("error").path("message").asText())
                .isEqualTo("$skip must be a non-negative integer, not 'x'");
    }
}
