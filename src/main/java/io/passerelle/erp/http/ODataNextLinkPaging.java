package io.passerelle.erp.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * OData v4 server-driven paging (Abacus): the first page asks for at most {@code pageSize} with
 * {@code Prefer: odata.maxpagesize}, and each page's {@code @odata.nextLink} (absolute, opaque, carrying the
 * filter) is followed verbatim; none ends the walk. A link that leaves the connection's host is refused
 * ({@link RestTransport#follow}).
 */
public final class ODataNextLinkPaging implements Paging {

    static final String NEXT_LINK = "@odata.nextLink";

    @Override
    public RestRequest request(RestTransport transport, String path, Map<String, String> query, String cursor, int pageSize) {
        RestRequest request = cursor == null ? RestRequest.get(path, query) : transport.follow(cursor);
        return request.withHeaders(Map.of("Prefer", "odata.maxpagesize=" + pageSize));
    }

    @Override
    public String next(HttpAnswer answer, JsonNode body, int items, String cursor, int pageSize) {
        JsonNode link = body.path(NEXT_LINK);
        return link.isTextual() && !link.asText().isBlank() ? link.asText() : null;
    }
}
