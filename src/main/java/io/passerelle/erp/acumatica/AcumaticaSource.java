package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.connection.Connection;
import io.passerelle.sync.InboundFlow;
import io.passerelle.sync.SourcePage;
import io.passerelle.sync.SourceSession;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
        return new PagedSession(session);
    }

    private static final class PagedSession implements SourceSession {
        private final AcumaticaSession session;

        PagedSession(AcumaticaSession session) {
            this.session = session;
        }

        @Override
        public CompletableFuture<SourcePage> fetch(InboundFlow flow, String after, Instant modifiedSince, int limit) {
            int skip = after == null ? 0 : Integer.parseInt(after);
            Map<String, String> query = new LinkedHashMap<>();
            // the flow's page size (its route file's pageSize)
            query.put("$top", String.valueOf(limit));
            query.put("$skip", String.valueOf(skip));
            if (modifiedSince != null) {
                query.put("$filter", "LastModifiedDateTime gt datetimeoffset'"
                        + FILTER_INSTANT.format(OffsetDateTime.ofInstant(modifiedSince.minus(OVERLAP), ZoneOffset.UTC)) + "'");
            }
            return session.list(flow.remoteEntity(), query).thenApply(array -> page(array, skip, limit));
        }

        @Override
        public boolean ordersByModification() {
            return false;
        }

        @Override
        public void close() {
            session.close();
        }
    }

    /** Fewer rows than {@code $top} ends the walk: the contract API has no next link. */
    static SourcePage page(JsonNode array, int skip, int pageSize) {
        List<JsonNode> items = new ArrayList<>(array.size());
        Instant watermark = null;
        for (JsonNode entity : array) {
            items.add(entity);
            Instant modified = modified(entity);
            if (modified != null && (watermark == null || modified.isAfter(watermark))) {
                watermark = modified;
            }
        }
        String next = items.size() < pageSize ? null : String.valueOf(skip + items.size());
        return new SourcePage(items, next, watermark);
    }

    private static Instant modified(JsonNode entity) {
        JsonNode value = entity.path(AcumaticaMappers.MODIFIED).path("value");
        try {
            return value.isTextual() ? OffsetDateTime.parse(value.asText()).toInstant() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
