package io.passerelle.erp.http;

import io.passerelle.sync.InboundFlow;
import io.passerelle.sync.SourcePage;
import io.passerelle.sync.SourceSession;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A REST ERP as a sync's source: its lists walked as its {@link RestListing} says, over a signed-in session. */
public final class RestSourceSession implements SourceSession {

    private final RestSession session;
    private final RestListing listing;

    /** @param session signed in; closed (signed out) with this */
    public RestSourceSession(RestSession session, RestListing listing) {
        this.session = session;
        this.listing = listing;
    }

    /** @param limit the flow's page size, within the listing's {@link RestListing#maxPageSize()} */
    @Override
    public CompletableFuture<SourcePage> fetch(InboundFlow flow, String after, Instant modifiedSince, int limit) {
        int pageSize = listing.pageSize(limit);
        RestRequest request;
        try {
            request = listing.request(session.client().transport(), flow, after, modifiedSince, pageSize)
                    .withHeaders(Map.of("Accept", "application/json"));
        } catch (RuntimeException refusedLink) {
            return CompletableFuture.failedFuture(refusedLink);
        }
        return session.send(request, "GET " + flow.remoteEntity())
                .thenApply(answer -> listing.page(answer, session.client().json(answer), after, pageSize));
    }

    @Override
    public boolean ordersByModification() {
        return listing.ordersByModification();
    }

    @Override
    public void close() {
        session.close();
    }
}
