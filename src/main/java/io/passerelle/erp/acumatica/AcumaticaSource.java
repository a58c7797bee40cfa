package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.connection.Connection;
import io.passerelle.erp.http.HttpAnswer;
import io.passerelle.erp.http.RestListing;
import io.passerelle.erp.http.RestSourceSession;
import io.passerelle.erp.http.TopSkipPaging;
import io.passerelle.erp.http.Watermarks;
import io.passerelle.sync.InboundFlow;
import io.passerelle.sync.SourcePage;
import io.passerelle.sync.SourceSession;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The job structure from Acumatica's contract API: paged by {@code $top}/{@code $skip}, incremental by
 * {@code LastModifiedDateTime gt datetimeoffset'…'}. Lists are not ordered by modification, so the
 * engine keeps the cursor until the last page (see {@link SourceSession#ordersByModification()}).
 */
final class AcumaticaSource {

    /** Records modified within this margin of the cursor are read again: cheap (unchanged) and nothing slips through. */
    static final Duration OVERLAP = Duration.ofSeconds(1);
    static final DateTimeFormatter FILTER_INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final AcumaticaTransports transports;

    AcumaticaSource(AcumaticaTransports transports) {
        this.transports = transports;
    }

    SourceSession open(Connection connection) {
        AcumaticaSession session = transports.session(connection);
        session.signIn();
        return new RestSourceSession(session.rest(), listing(session.endpointPath(), transports.maxPageSize()));
    }

    /**
     * Lists below the contract endpoint, paged by {@code $top}/{@code $skip}, incremental by
     * {@code LastModifiedDateTime}, not in order of modification.
     */
    static RestListing listing(String endpointPath, int maxPageSize) {
        return new RestListing(flow -> endpointPath + flow.remoteEntity(), new TopSkipPaging(), AcumaticaSource::modifiedSince,
                "", Watermarks.at("/" + AcumaticaMappers.MODIFIED + "/value"), false, maxPageSize);
    }

    private static Map<String, String> modifiedSince(InboundFlow flow, Instant since) {
        return Map.of("$filter", "LastModifiedDateTime gt datetimeoffset'"
                + FILTER_INSTANT.format(OffsetDateTime.ofInstant(since.minus(OVERLAP), ZoneOffset.UTC)) + "'");
    }

    /** Fewer rows than {@code $top} ends the walk: the contract API has no next link. */
    static SourcePage page(JsonNode array, int skip, int pageSize) {
        return listing("", pageSize).page(new HttpAnswer(200, null, Map.of()), array, String.valueOf(skip), pageSize);
    }
}
