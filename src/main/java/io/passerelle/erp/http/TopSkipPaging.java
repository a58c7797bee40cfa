package io.passerelle.erp.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code $top}/{@code $skip} (Acumatica's contract API, which has no next link): the cursor is the number of items
 * read so far, and a page shorter than {@code $top} is the last.
 */
public final class TopSkipPaging implements Paging {

    @Override
    public RestRequest request(RestTransport transport, String path, Map<String, String> query, String cursor, int pageSize) {
        Map<String, String> paged = new LinkedHashMap<>();
        paged.put("$top", String.valueOf(pageSize));
        paged.put("$skip", String.valueOf(skip(cursor)));
        paged.putAll(query);
        return RestRequest.get(path, paged);
    }

    @Override
    public String next(HttpAnswer answer, JsonNode body, int items, String cursor, int pageSize) {
        return items < pageSize ? null : String.valueOf(skip(cursor) + items);
    }

    private static int skip(String cursor) {
        return cursor == null ? 0 : Integer.parseInt(cursor);
    }
}
