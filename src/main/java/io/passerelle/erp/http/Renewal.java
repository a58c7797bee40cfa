package io.passerelle.erp.http;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One renewal at a time for a session's calls: calls that meet a 401 together renew once, and a call whose
 * credential was renewed meanwhile just tries again. Two sign-ins at once would take two licence slots.
 */
final class Renewal {

    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    /** @param stillCurrent whether the rejected credential is the one held now */
    synchronized CompletableFuture<Boolean> renew(boolean stillCurrent, Supplier<CompletableFuture<Void>> renewal) {
        if (inFlight.isDone()) {
            if (!stillCurrent) {
                return CompletableFuture.completedFuture(true);
            }
            inFlight = renewal.get();
        }
        return inFlight.thenApply(renewed -> true);
    }
}
