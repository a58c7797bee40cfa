package io.passerelle.erp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.erp.http.RestFixture.Request;
import io.passerelle.erp.http.RestFixture.Response;
import io.passerelle.run.Futures;
import io.passerelle.sync.InboundFlow;
import io.passerelle.sync.SourcePage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The four paging styles walked to their end by {@link RestSourceSession}: the engine's page size, capped by the
 * ERP's maximum; next links followed verbatim and only on the connection's host; the watermark of each page.
 */
class RestPagingTest {

    private static final InboundFlow EMPLOYEES = new InboundFlow("employees", "Employees", CanonicalEntity.EMPLOYEE, item -> null);

    private final RestFixture fixture = new RestFixture();
    private final RestClient client = fixture.client(fixture.transport());

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static String items(int from, int to) {
        return "[" + String.join(",", IntStream.range(from, to).mapToObj(i -> "{\"Id\":" + i
                + ",\"Modified\":\"2026-03-0" + (1 + i % 9) + "T10:00:00Z\"}").toList()) + "]";
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        if (request.rawQuery() != null) {
            for (String pair : request.rawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return query;
    }

    private RestListing listing(Paging paging, String items, ModifiedSince modifiedSince, int maxPageSize) {
        return new RestListing(flow -> "/api/" + flow.remoteEntity(), paging, modifiedSince, items,
                Watermarks.at("/Modified"), true, maxPageSize);
    }

    /** Every page from the first, as the engine asks for them. */
    private List<SourcePage> walk(RestListing listing, Instant since, int limit) {
        RestSourceSession session = new RestSourceSession(new RestSession(client, HttpAuthentication.NONE), listing);
        List<SourcePage> pages = new ArrayList<>();
        String after = null;
        do {
            SourcePage page = Futures.join(session.fetch(EMPLOYEES, after, since, limit));
            pages.add(page);
            after = page.next();
        } while (after != null && pages.size() < 20);
        return pages;
    }

    private static List<Integer> ids(List<SourcePage> pages) {
        return pages.stream().flatMap(page -> page.items().stream()).map(item -> item.path("Id").asInt()).toList();
    }

    @Test
    void topAndSkipAskTheEnginesPageSizeUntilAShortPage() {
        fixture.on("GET", "/api/Employees", request -> {
            int top = Integer.parseInt(query(request).get("$top"));
            int skip = Integer.parseInt(query(request).get("$skip"));
            return Response.json(200, items(skip, Math.min(5, skip + top)));
        });

        List<SourcePage> pages = walk(listing(new TopSkipPaging(), "", (flow, since) ->
                Map.of("$filter", "Modified gt datetimeoffset'" + since + "'"), 500), Instant.parse("2026-03-01T00:00:00Z"), 2);

        assertThat(ids(pages)).containsExactly(0, 1, 2, 3, 4);
        assertThat(fixture.requests()).extracting(Request::rawQuery).containsExactly(
                "$top=2&$skip=0&$filter=Modified%20gt%20datetimeoffset%272026-03-01T00%3A00%3A00Z%27",
                "$top=2&$skip=2&$filter=Modified%20gt%20datetimeoffset%272026-03-01T00%3A00%3A00Z%27",
                "$top=2&$skip=4&$filter=Modified%20gt%20datetimeoffset%272026-03-01T00%3A00%3A00Z%27");
        assertThat(pages.get(0).watermark()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void aFullLastPageIsFollowedByAnEmptyOneAndThePageSizeIsCappedByTheErpsMaximum() {
        fixture.on("GET", "/api/Employees", request -> {
            int skip = Integer.parseInt(query(request).get("$skip"));
            return Response.json(200, items(skip, Math.min(6, skip + Integer.parseInt(query(request).get("$top")))));
        });

        List<SourcePage> pages = walk(listing(new TopSkipPaging(), "", ModifiedSince.NONE, 3), null, 1000);

        assertThat(pages).extracting(page -> page.items().size()).containsExactly(3, 3, 0);
        assertThat(fixture.requests()).extracting(Request::rawQuery)
                .containsExactly("$top=3&$skip=0", "$top=3&$skip=3", "$top=3&$skip=6");
        assertThat(pages.get(2).watermark()).isNull();
    }

    @Test
    void odataNextLinksAreFollowedVerbatim() {
        String next = fixture.url() + "/api/Employees?$filter=Modified%20ge%202026-03-01T00:00:00%2B01:00&$skiptoken=MTEwMA";
        fixture.on("GET", "/api/Employees", request -> request.rawQuery().contains("$skiptoken")
                ? Response.json(200, "{\"@odata.context\":\"x\",\"value\":" + items(2, 3) + "}")
                : Response.json(200, "{\"value\":" + items(0, 2) + ",\"@odata.nextLink\":\"" + next + "\"}"));

        List<SourcePage> pages = walk(listing(new ODataNextLinkPaging(), "/value", (flow, since) ->
                Map.of("$filter", "Modified ge 2026-03-01T00:00:00+01:00"), 100), Instant.EPOCH, 250);

        assertThat(ids(pages)).containsExactly(0, 1, 2);
        assertThat(fixture.requests()).extracting(Request::rawQuery).containsExactly(
                "$filter=Modified%20ge%202026-03-01T00%3A00%3A00%2B01%3A00",
                "$filter=Modified%20ge%202026-03-01T00:00:00%2B01:00&$skiptoken=MTEwMA");
        assertThat(fixture.requests()).extracting(r -> r.header("Prefer"))
                .containsOnly("odata.maxpagesize=100");
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedAndNotCalled() {
        fixture.on("GET", "/api/Employees", request -> Response.json(200,
                "{\"value\":[],\"@odata.nextLink\":\"http://evil.example/api/Employees?$skiptoken=1\"}"));
        RestSourceSession session = new RestSourceSession(new RestSession(client, HttpAuthentication.NONE),
                listing(new ODataNextLinkPaging(), "/value", ModifiedSince.NONE, 100));
        String next = Futures.join(session.fetch(EMPLOYEES, null, null, 100)).next();

        assertThatThrownBy(() -> Futures.join(session.fetch(EMPLOYEES, next, null, 100)))
                .hasMessageContaining("refused to follow the ERP's next link to http://evil.example/api/Employees")
                .hasMessageContaining("it leaves " + fixture.url());
        assertThatThrownBy(() -> fixture.transport().follow(fixture.url().replace("127.0.0.1", "127.0.0.1:1") + "/x"))
                .hasMessageContaining("refused");
        assertThatThrownBy(() -> fixture.transport(fixture.url() + "/api").follow(fixture.url() + "/apix/Employees"))
                .as("the base path is a path, not a prefix of one").hasMessageContaining("refused");
        assertThat(fixture.requests()).hasSize(1);
    }

    @Test
    void linkHeadersRelNextAreFollowedVerbatim() {
        fixture.on("GET", "/api/Employees", request -> {
            String page = query(request).getOrDefault("page", "1");
            String base = fixture.url() + "/api/Employees?limit=2&modifiedFrom=2026-03-01T00:00:00Z&page=";
            Response answer = Response.json(200, page.equals("1") ? items(0, 2) : items(2, 3));
            return page.equals("1")
                    ? answer.with("Link", "<" + base + "2>; rel=\"next\", <" + base + "1>; rel=\"first\", <" + base + "1>; rel=\"previous\"")
                    : answer.with("Link", "<" + base + "1>; rel=\"first\", <" + base + "1>; rel=\"previous\"");
        });

        List<SourcePage> pages = walk(listing(new LinkHeaderPaging("limit"), "", (flow, since) ->
                Map.of("modifiedFrom", since.toString()), 100), Instant.parse("2026-03-01T00:00:00Z"), 2);

        assertThat(ids(pages)).containsExactly(0, 1, 2);
        assertThat(fixture.requests()).extracting(Request::rawQuery).containsExactly(
                "limit=2&modifiedFrom=2026-03-01T00%3A00%3A00Z", "limit=2&modifiedFrom=2026-03-01T00:00:00Z&page=2");
    }

    @Test
    void theNextLinkIsFoundAmongOthersWhateverItsSpelling() {
        assertThat(LinkHeaderPaging.next(List.of("<https://h/v1/c?page=1>; rel=\"first\", <https://h/v1/c?a=1,2&page=3>; REL=\"prefetch NEXT\""))).isEqualTo("https://h/v1/c?a=1,2&page=3");
        assertThat(LinkHeaderPaging.next(List.of("<https://h/1>; rel=first", "<https://h/2>; title=\"x\"; rel=next"))).isEqualTo("https://h/2");
        assertThat(LinkHeaderPaging.next(List.of("<https://h/1>; rel=\"first\""))).isNull();
        assertThat(LinkHeaderPaging.next(List.of())).isNull();
    }

    @Test
    void numberedPagesAreReadUpToThePageCount() {
        fixture.on("GET", "/api/Employees", request -> {
            int page = Integer.parseInt(query(request).get("page"));
            return Response.json(200, "{\"results\":" + items(page * 2, Math.min(5, page * 2 + 2)) + ",\"pageCount\":3,\"page\":"
                    + page + ",\"pageSize\":2,\"totalCount\":5}");
        });

        List<SourcePage> pages = walk(listing(new PageCountPaging(), "/results", ModifiedSince.NONE, 400), Instant.EPOCH, 2);

        assertThat(ids(pages)).containsExactly(0, 1, 2, 3, 4);
        assertThat(fixture.requests()).extracting(Request::rawQuery)
                .containsExactly("page=0&pageSize=2", "page=1&pageSize=2", "page=2&pageSize=2");
    }

    @Test
    void aPageWithoutItsArrayFailsInWords() {
        fixture.on("GET", "/api/Employees", request -> Response.json(200, "{\"data\":[]}"));
        RestSourceSession session = new RestSourceSession(new RestSession(client, HttpAuthentication.NONE),
                listing(new PageCountPaging(), "/results", ModifiedSince.NONE, 400));

        assertThatThrownBy(() -> Futures.join(session.fetch(EMPLOYEES, null, null, 10)))
                .hasMessage("the list answered has no array of items at '/results'");
    }

    @Test
    void watermarksReadTheErpsTimestamps() {
        JsonNode item = RestFixture.JSON.createObjectNode().put("a", "2026-03-02 10:00:07.000Z").put("b", "2026-06-09T00:00:00")
                .put("c", "2026-03-02T13:00:17.5+01:00");
        assertThat(Watermarks.at("/a").apply(item)).isEqualTo(Instant.parse("2026-03-02T10:00:07Z"));
        assertThat(Watermarks.at("/b").apply(item)).as("no offset, no certain order").isNull();
        assertThat(Watermarks.at("/c").apply(item)).isEqualTo(Instant.parse("2026-03-02T12:00:17.5Z"));
        assertThat(Watermarks.at("/missing").apply(item)).isNull();
    }
}
