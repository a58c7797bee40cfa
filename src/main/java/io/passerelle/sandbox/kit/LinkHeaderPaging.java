package io.passerelle.sandbox.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * Paging by a {@code Link} header (RFC 8288, as 24SevenOffice does): the answer is a plain JSON array, and
 * {@code Link: <…page=2>; rel="next", <…page=1>; rel="first", <…page=1>; rel="previous"}. Pages are
 * numbered from 1; the links keep the client's query and change only the page; no {@code rel="next"}
 * means the end.
 */
public final class LinkHeaderPaging {

    private final String limitName;
    private final int defaultLimit;
    private final int maxLimit;
    private final String pageName;
    private final BadParameter bad;

    /** E.g. {@code ("limit", 25, 100, "page", bad)}. */
    public LinkHeaderPaging(String limitName, int defaultLimit, int maxLimit, String pageName, BadParameter bad) {
        this.limitName = limitName;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
        this.pageName = pageName;
        this.bad = bad;
    }

    public Answer page(List<? extends JsonNode> items, Request request) {
        Query query = request.query();
        int limit = query.intBetween(limitName, defaultLimit, 1, maxLimit, bad);
        int page = query.intBetween(pageName, 1, 1, Integer.MAX_VALUE, bad);
        long from = (long) (page - 1) * limit;
        ArrayNode out = SimulatorJson.HTTP.createArrayNode();
        for (long i = from; i < items.size() && i < from + limit; i++) {
            out.add(items.get((int) i));
        }
        StringBuilder links = new StringBuilder();
        if (from + limit < items.size()) {
            links.append(link(request, page + 1, "next")).append(", ");
        }
        links.append(link(request, 1, "first")).append(", ").append(link(request, Math.max(1, page - 1), "previous"));
        return Answer.json(200, out).withHeader("Link", links.toString());
    }

    private String link(Request request, int page, String rel) {
        return "<" + request.linkWith(pageName, Integer.toString(page), pageName) + ">; rel=\"" + rel + "\"";
    }
}
