package io.passerelle.erp.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * How an ERP's lists are walked page by page. The cursor is the paging's own (a number to skip, a page number,
 * the next link verbatim); null asks for the first page.
 */
public interface Paging {

    /**
     * The request for the page at {@code cursor}.
     *
     * @param query the list's own parameters (a modified-since filter), kept by links the ERP gives back
     */
    RestRequest request(RestTransport transport, String path, Map<String, String> query, String cursor, int pageSize);

    /** Where the walk goes after this page ({@code items} long), null at its end. */
    String next(HttpAnswer answer, JsonNode body, int items, String cursor, int pageSize);
}
