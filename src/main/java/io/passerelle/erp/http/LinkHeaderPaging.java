package io.passerelle.erp.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web linking (RFC 8288, 24SevenOffice): the first page asks for {@code <limitParameter>=pageSize}, and the
 * answer's {@code Link: <…>; rel="next"} is followed verbatim; none ends the walk. A link that leaves the
 * connection's host is refused ({@link RestTransport#follow}).
 */
public final class LinkHeaderPaging implements Paging {

    /** {@code <uri>} and its parameters, up to the comma before the next link (a comma inside {@code <>} is the URI's). */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]*)*)");
    private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*(\"([^\"]*)\"|[^\\s;,]+)");

    private final String limitParameter;

    /** @param limitParameter the page size's name in the first request, e.g. {@code limit} */
    public LinkHeaderPaging(String limitParameter) {
        this.limitParameter = limitParameter;
    }

    @Override
    public RestRequest request(RestTransport transport, String path, Map<String, String> query, String cursor, int pageSize) {
        if (cursor != null) {
            return transport.follow(cursor);
        }
        Map<String, String> paged = new LinkedHashMap<>();
        paged.put(limitParameter, String.valueOf(pageSize));
        paged.putAll(query);
        return RestRequest.get(path, paged);
    }

    @Override
    public String next(HttpAnswer answer, JsonNode body, int items, String cursor, int pageSize) {
        return next(answer.headers("Link"));
    }

    /** The target of {@code rel="next"} among the values of the {@code Link} header, or null. */
    static String next(Iterable<String> linkHeaders) {
        for (String header : linkHeaders) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                while (rel.find()) {
                    String relations = rel.group(2) != null ? rel.group(2) : rel.group(1);
                    for (String relation : relations.trim().split("\\s+")) {
                        if (relation.toLowerCase(Locale.ROOT).equals("next")) {
                            return link.group(1).trim();
                        }
                    }
                }
            }
        }
        return null;
    }
}
