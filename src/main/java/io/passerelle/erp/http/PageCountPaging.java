package io.passerelle.erp.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Numbered pages (AdminPulse): {@code page} from 0 and {@code pageSize}, and the answer's {@code pageCount}
 * says how many there are. An empty page ends the walk too, and so does a short one when the answer gives no count.
 */
public final class PageCountPaging implements Paging {

    private final String pageParameter;
    private final String pageSizeParameter;
    private final String pageCountField;

    public PageCountPaging(String pageParameter, String pageSizeParameter, String pageCountField) {
        this.pageParameter = pageParameter;
        this.pageSizeParameter = pageSizeParameter;
        this.pageCountField = pageCountField;
    }

    /** AdminPulse's names: {@code page}, {@code pageSize}, {@code pageCount}. */
    public PageCountPaging() {
        this("page", "pageSize", "pageCount");
    }

    @Override
    public RestRequest request(RestTransport transport, String path, Map<String, String> query, String cursor, int pageSize) {
        Map<String, String> paged = new LinkedHashMap<>();
        paged.put(pageParameter, String.valueOf(page(cursor)));
        paged.put(pageSizeParameter, String.valueOf(pageSize));
        paged.putAll(query);
        return RestRequest.get(path, paged);
    }

    @Override
    public String next(HttpAnswer answer, JsonNode body, int items, String cursor, int pageSize) {
        int page = page(cursor);
        JsonNode count = body.path(pageCountField);
        boolean more = count.canConvertToInt() ? page + 1 < count.asInt() : items >= pageSize;
        return items == 0 || !more ? null : String.valueOf(page + 1);
    }

    private static int page(String cursor) {
        return cursor == null ? 0 : Integer.parseInt(cursor);
    }
}
