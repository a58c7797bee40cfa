package io.passerelle.erp.http;

import io.passerelle.sync.InboundFlow;
import java.time.Instant;
import java.util.Map;

/**
 * The query parameters that ask a list for the items modified since an instant, in the ERP's own terms: e.g.
 * Acumatica's {@code $filter=LastModifiedDateTime gt datetimeoffset'…'}, 24SevenOffice's {@code modifiedFrom=…}.
 */
@FunctionalInterface
public interface ModifiedSince {

    Map<String, String> query(InboundFlow flow, Instant since);

    /** For lists that cannot be asked for changes (AdminPulse): everything is read, unchanged records cost no write. */
    ModifiedSince NONE = (flow, since) -> Map.of();
}
