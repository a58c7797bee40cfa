package io.passerelle.sync;

/** Where a run writes: the connection's bookkeeping and its company's canonical rows. */
public record SyncTarget(String connectionId, long companyId) {
}
