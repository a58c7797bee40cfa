package io.passerelle.sandbox.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * OData v4 server-driven paging: {@code {"@odata.context", "@odata.count"?, "value": [...],
 * "@odata.nextLink"?}}. The nextLink is absolute and carries an opaque {@code $skiptoken} and the rest of
 * the client's query ({@code $filter}, {@code $select}, {@code $top}...) as it sent it, so that following it
 * verbatim gives the next page; no nextLink means the end. {@code $skip} and {@code $top} apply to the
 * whole collection ({@code $top} caps the total), {@code $count=true} adds the count of the collection, and
 * {@code Prefer: odata.maxpagesize=n} asks for smaller pages.
 */
public final class ODataNextLinkPaging {

    private static final String SKIPTOKEN = "$skiptoken";

    private final int maxPageSize;
    private final BadParameter bad;

    public ODataNextLinkPaging(int maxPageSize, BadParameter bad) {
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("maxPageSize must be positive");
        }
        this.maxPageSize = maxPageSize;
        this.bad = bad;
    }

    /** The page of {@code items} (the whole collection, filtered and in order) this request asks for. */
    public ObjectNode page(List<? extends JsonNode> items, Request request, String context) {
        Query query = request.query();
        int skip = query.nonNegativeInt("$skip", 0, bad);
        int top = query.nonNegativeInt("$top", Integer.MAX_VALUE, bad);
        int position = position(query.get(SKIPTOKEN));
        int end = (int) Math.min(items.size(), (long) skip + top);
        int from = (int) Math.min((long) skip + position, end);
        int to = (int) Math.min((long) from + pageSize(request.headers("Prefer")), end);
        ObjectNode out = SimulatorJson.HTTP.createObjectNode();
        out.put("@odata.context", context);
        if ("true".equalsIgnoreCase(query.get("$count"))) {
            out.put("@odata.count", items.size());
        }
        ArrayNode value = out.putArray("value");
        for (int i = from; i < to; i++) {
            value.add(items.get(i));
        }
        if (to < end) {
            out.put("@odata.nextLink", request.linkWith(SKIPTOKEN, token(to - skip), SKIPTOKEN));
        }
        return out;
    }

    private static String token(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Integer.toString(position).getBytes(StandardCharsets.US_ASCII));
    }

    private int position(String token) {
        if (token == null) {
            return 0;
        }
        try {
            int position = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII));
            if (position >= 0) {
                return position;
            }
        } catch (IllegalArgumentException e) {
            // a token this server did not make: answered below
        }
        throw bad.answer(SKIPTOKEN, token, "must be the $skiptoken of a nextLink");
    }

    /** The smaller of the server's page size and the client's {@code odata.maxpagesize}; a bad preference is ignored, as OData allows. */
    private int pageSize(List<String> prefer) {
        int size = maxPageSize;
        for (String header : prefer) {
            for (String preference : header.split(",")) {
                String p = preference.trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("odata.maxpagesize=")) {
                    try {
                        int asked = Integer.parseInt(p.substring("odata.maxpagesize=".length()).trim());
                        if (asked > 0) {
                            size = Math.min(size, asked);
                        }
                    } catch (NumberFormatException e) {
                        // ignored
                    }
                }
            }
        }
        return size;
    }
}
