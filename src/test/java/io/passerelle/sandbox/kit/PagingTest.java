package io.passerelle.sandbox.kit;

import static io.passerelle.sandbox.kit.KitServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The four paging styles, walked as a client walks them: following what the server answers. */
class PagingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final BadParameter BAD = (name, value, rule) -> KitServer.ODataErrors.error(400, "BadRequest",
            name + " " + rule);
    private static final List<ObjectNode> ITEMS = IntStream.rangeClosed(1, 250)
            .mapToObj(i -> SimulatorJson.HTTP.createObjectNode().put("Id", 1000 + i)).toList();

    private KitServer server;

    @BeforeEach
    void start() {
        ODataNextLinkPaging odata = new ODataNextLinkPaging(100, BAD);
        LinkHeaderPaging link = new LinkHeaderPaging("limit", 25, 100, "page", BAD);
        PageNumberPaging pages = new PageNumberPaging("results", 20, 400, BAD);
        server = new KitServer(r -> r
                .route("GET", "/odata/Employees", "Employees", req -> Answer.json(200,
                        odata.page(ITEMS, req, req.baseUrl() + "/odata/$metadata#Employees")))
                .route("GET", "/v1/customers", "customers", req -> link.page(ITEMS, req))
                .route("GET", "/relations", "relations", req -> Answer.json(200, pages.page(ITEMS, req.query()))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<Integer> ids(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(item -> out.add(item.path("Id").asInt()));
        return out;
    }

    private static List<Integer> range(int fromInclusive, int toInclusive) {
        return IntStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }

    @Test
    void topAndSkipSliceTheCollection() {
        TopSkipPaging paging = new TopSkipPaging(BAD);
        assertThat(paging.page(ITEMS, Query.parse("$top=3&$skip=2"))).extracting(i -> i.path("Id").asInt())
                .containsExactly(1003, 1004, 1005);
        assertThat(paging.page(ITEMS, Query.parse("$skip=248"))).hasSize(2);
        assertThat(paging.page(ITEMS, Query.parse("$skip=900"))).isEmpty();
        assertThat(paging.page(ITEMS, Query.parse(""))).hasSize(250);
    }

    @Test
    void odataNextLinksAreAbsoluteKeepTheQueryAndEndTheCollection() throws Exception {
        List<Integer> seen = new ArrayList<>();
        HttpResponse<String> page = server.get("/odata/Employees?$filter=Id%20ge%201001&$select=Id");
        int pages = 0;
        while (true) {
            JsonNode body = json(page);
            pages++;
            assertThat(body.path("@odata.context").asText()).endsWith("/odata/$metadata#Employees");
            seen.addAll(ids(body.path("value")));
            if (!body.has("@odata.nextLink")) {
                break;
            }
            String next = body.path("@odata.nextLink").asText();
            assertThat(next).startsWith(server.url() + "/odata/Employees?$filter=Id%20ge%201001&$select=Id&$skiptoken=");
            page = server.follow(next);
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(range(1001, 1250));
    }

    @Test
    void odataTopCapsTheTotalAndCountPreferAndSkipWork() throws Exception {
        JsonNode first = json(server.get("/odata/Employees?$top=150&$count=true"));
        assertThat(first.path("@odata.count").asInt()).isEqualTo(250);
        assertThat(first.path("value")).hasSize(100);
        JsonNode second = json(server.follow(first.path("@odata.nextLink").asText()));
        assertThat(ids(second.path("value"))).containsExactlyElementsOf(range(1101, 1150));
        assertThat(second.has("@odata.nextLink")).isFalse();

        JsonNode small = json(server.get("/odata/Employees?$skip=200", "Prefer", "odata.maxpagesize=40"));
        assertThat(ids(small.path("value"))).containsExactlyElementsOf(range(1201, 1240));
        JsonNode rest = json(server.follow(small.path("@odata.nextLink").asText()));
        assertThat(ids(rest.path("value"))).as("the preference is the client's to repeat; the server's page is 100")
                .containsExactlyElementsOf(range(1241, 1250));

        HttpResponse<String> forged = server.get("/odata/Employees?$skiptoken=not-ours");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(json(forged).path("error").path("message").asText()).startsWith("$skiptoken");
    }

    @Test
    void linkHeaderPagesAreFollowedUntilThereIsNoNext() throws Exception {
        List<Integer> seen = new ArrayList<>();
        HttpResponse<String> page = server.get("/v1/customers?limit=100&modifiedFrom=2026-03-01T00:00:00Z");
        List<String> links = new ArrayList<>();
        while (true) {
            assertThat(page.statusCode()).isEqualTo(200);
            seen.addAll(ids(json(page)));
            String link = page.headers().firstValue("Link").orElseThrow();
            links.add(link);
            assertThat(link).contains("rel=\"first\"").contains("rel=\"previous\"");
            Matcher next = NEXT.matcher(link);
            if (!next.find()) {
                break;
            }
            assertThat(next.group(1)).startsWith(server.url() + "/v1/customers?limit=100&modifiedFrom=2026-03-01T00:00:00Z&page=");
            page = server.follow(next.group(1));
        }
        assertThat(seen).containsExactlyElementsOf(range(1001, 1250));
        assertThat(links).hasSize(3);
        assertThat(links.get(1)).contains("page=3>; rel=\"next\"").contains("page=1>; rel=\"previous\"");

        assertThat(json(server.get("/v1/customers")).size()).as("25 by default").isEqualTo(25);
        assertThat(server.get("/v1/customers?limit=101").statusCode()).isEqualTo(400);
    }

    @Test
    void pageNumbersCountPagesAndAnswerNothingPastTheEnd() throws Exception {
        JsonNode first = json(server.get("/relations?page=0&pageSize=100"));
        assertThat(ids(first.path("results"))).containsExactlyElementsOf(range(1001, 1100));
        assertThat(first.path("pageCount").asInt()).isEqualTo(3);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("pageSize").asInt()).isEqualTo(100);
        assertThat(first.path("totalCount").asInt()).isEqualTo(250);
        assertThat(ids(json(server.get("/relations?page=2&pageSize=100")).path("results")))
                .containsExactlyElementsOf(range(1201, 1250));
        assertThat(json(server.get("/relations?page=3&pageSize=100")).path("results")).isEmpty();
        assertThat(json(server.get("/relations")).path("pageSize").asInt()).isEqualTo(20);
        assertThat(server.get("/relations?pageSize=401").statusCode()).isEqualTo(400);
    }
}
