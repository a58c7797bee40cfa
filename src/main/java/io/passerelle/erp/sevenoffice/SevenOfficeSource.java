package io.passerelle.erp.sevenoffice;

import io.passerelle.erp.http.LinkHeaderPaging;
import io.passerelle.erp.http.RestListing;
import io.passerelle.erp.http.Watermarks;
import io.passerelle.sync.InboundFlow;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * 24SevenOffice lists as a sync's source: at most 100 a page, the {@code link} header's {@code rel="next"} followed
 * verbatim, incremental by {@code modifiedFrom} (modified at or after). Lists come in {@code id} order, so the cursor
 * moves after the last page. The body is the array itself.
 */
final class SevenOfficeSource {

    private SevenOfficeSource() {
    }

    static RestListing listing() {
        return new RestListing(flow -> "/" + flow.remoteEntity(), new LinkHeaderPaging("limit"), SevenOfficeSource::modifiedFrom,
                "", Watermarks.at("/modifiedAt"), false, SevenOfficeProperties.MAX_PAGE_SIZE);
    }

    private static Map<String, String> modifiedFrom(InboundFlow flow, Instant since) {
        return Map.of("modifiedFrom", DateTimeFormatter.ISO_INSTANT.format(since));
    }
}
