package io.passerelle.erp.abacus;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.connection.Connection;
import io.passerelle.erp.http.ODataNextLinkPaging;
import io.passerelle.erp.http.RestListing;
import io.passerelle.erp.http.RestSourceSession;
import io.passerelle.erp.http.Watermarks;
import io.passerelle.sync.InboundFlow;
import io.passerelle.sync.SourceSession;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The mandant's entity sets as a sync's source: at most 100 entities a page, each page's {@code @odata.nextLink}
 * followed verbatim, incremental by the set's indexed timestamp with {@code ge} (Employees {@code ModificationDate},
 * the others {@code ChangeInformation/ChangedOn}). Pages run in {@code Id} order, not in order of modification, so the
 * engine moves the cursor after the last page; {@code ge} reads the newest records again, which costs an unchanged.
 */
final class AbacusSource {

    static final String EMPLOYEE_MODIFIED = "ModificationDate";
    static final String CHANGED_ON = "ChangeInformation/ChangedOn";

    private final AbacusTransports transports;

    AbacusSource(AbacusTransports transports) {
        this.transports = transports;
    }

    SourceSession open(Connection connection) {
        AbacusSession session = transports.session(connection).open();
        return new RestSourceSession(session.rest(), listing(session.mandantPath()));
    }

    static RestListing listing(String mandantPath) {
        return new RestListing(flow -> mandantPath + "/" + flow.remoteEntity(), new ODataNextLinkPaging(),
                AbacusSource::modifiedSince, "/value", AbacusSource::modifiedAt, false, AbacusProperties.MAX_PAGE_SIZE);
    }

    /** The indexed timestamp of a set: filtering on any other property is refused ({@code NotIndexed}). */
    static String timestamp(String set) {
        return "Employees".equals(set) ? EMPLOYEE_MODIFIED : CHANGED_ON;
    }

    /** {@code $filter=ModificationDate ge 2026-03-01T00:00:00Z}: a bare ISO 8601 literal; the kit encodes a {@code +}. */
    static Map<String, String> modifiedSince(InboundFlow flow, Instant since) {
        return Map.of("$filter", timestamp(flow.remoteEntity()) + " ge " + DateTimeFormatter.ISO_INSTANT.format(since));
    }

    private static Instant modifiedAt(JsonNode item) {
        Instant employee = Watermarks.at("/" + EMPLOYEE_MODIFIED).apply(item);
        return employee != null ? employee : Watermarks.at("/" + CHANGED_ON).apply(item);
    }
}
