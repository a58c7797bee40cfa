package io.passerelle.erp.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.sync.InboundFlow;
import io.passerelle.sync.SourcePage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one ERP lists its entities, which is all a {@link RestSourceSession} needs to know of it.
 *
 * @param path                 an inbound flow's list, below the base URL
 * @param paging               how pages follow one another
 * @param modifiedSince        the incremental filter
 * @param items                JSON pointer to the items' array in a page's body: {@code ""} when the body is the array,
 *                             {@code /value} (OData), {@code /results} (AdminPulse)
 * @param modifiedAt           an item's modification instant, null when it has none
 * @param ordersByModification whether pages come in order of modification (see {@code SourceSession})
 * @param maxPageSize          the most items one page may ask for; the engine's page size is capped by it
 * @param byKey                the query that asks for the one record a refresh names ({@link InboundFlow#key()}), e.g.
 *                             AdminPulse's {@code vatNumber=…}; null when the ERP cannot be asked so
 */
public record RestListing(Function<InboundFlow, String> path, Paging paging, ModifiedSince modifiedSince, String items,
        Function<JsonNode, Instant> modifiedAt, boolean ordersByModification, int maxPageSize, ByKey byKey) {

    /** The query parameters that ask a list for the record known by a key. */
    @FunctionalInterface
    public interface ByKey {
        Map<String, String> query(InboundFlow flow, String key);
    }

    /** A listing that cannot be asked for one record. */
    public RestListing(Function<InboundFlow, String> path, Paging paging, ModifiedSince modifiedSince, String items,
            Function<JsonNode, Instant> modifiedAt, boolean ordersByModification, int maxPageSize) {
        this(path, paging, modifiedSince, items, modifiedAt, ordersByModification, maxPageSize, null);
    }

    public RestListing {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(paging, "paging");
        Objects.requireNonNull(modifiedSince, "modifiedSince");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("maxPageSize must be at least 1, was " + maxPageSize);
        }
    }

    /** The engine's {@code limit}, within what the ERP allows. */
    int pageSize(int limit) {
        return Math.max(1, Math.min(limit, maxPageSize));
    }

    RestRequest request(RestTransport transport, InboundFlow flow, String cursor, Instant since, int pageSize) {
        Map<String, String> query;
        if (flow.key() != null) {
            if (byKey == null) {
                throw new IllegalStateException("this list cannot be asked for one record by its key");
            }
            query = byKey.query(flow, flow.key());
        } else {
            query = since == null ? Map.of() : modifiedSince.query(flow, since);
        }
        return paging.request(transport, path.apply(flow), query, cursor, pageSize);
    }

    /** A page of {@code body} (at {@code cursor}): its items, where the walk goes next, and the latest modification. */
    public SourcePage page(HttpAnswer answer, JsonNode body, String cursor, int pageSize) {
        JsonNode array = body.at(items);
        if (!array.isArray()) {
            throw new IllegalStateException("the list answered has no array of items at '" + items + "'");
        }
        List<JsonNode> list = new ArrayList<>(array.size());
        Instant watermark = null;
        for (JsonNode item : array) {
            list.add(item);
            Instant modified = modifiedAt.apply(item);
            if (modified != null && (watermark == null || modified.isAfter(watermark))) {
                watermark = modified;
            }
        }
        return new SourcePage(list, paging.next(answer, body, list.size(), cursor, pageSize), watermark);
    }
}
