package io.passerelle.sandbox.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Paging by page number (AdminPulse): {@code ?page=0&pageSize=400} answers
 * {@code {"results": [...], "pageCount": N, "page": 0, "pageSize": 400, "totalCount": T}}. Pages are numbered
 * from 0; a page past the end has no results.
 */
public final class PageNumberPaging {

    private final String resultsField;
    private final int defaultPageSize;
    private final int maxPageSize;
    private final BadParameter bad;

    /** E.g. {@code ("results", 20, 400, bad)}. */
    public PageNumberPaging(String resultsField, int defaultPageSize, int maxPageSize, BadParameter bad) {
        this.resultsField = resultsField;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
        this.bad = bad;
    }

    public ObjectNode page(List<? extends JsonNode> items, Query query) {
        int page = query.nonNegativeInt("page", 0, bad);
        int pageSize = query.intBetween("pageSize", defaultPageSize, 1, maxPageSize, bad);
        ObjectNode out = SimulatorJson.HTTP.createObjectNode();
        ArrayNode results = out.putArray(resultsField);
        long from = (long) page * pageSize;
        for (long i = from; i < items.size() && i < from + pageSize; i++) {
            results.add(items.get((int) i));
        }
        out.put("pageCount", (items.size() + pageSize - 1) / pageSize);
        out.put("page", page);
        out.put("pageSize", pageSize);
        out.put("totalCount", items.size());
        return out;
    }
}
