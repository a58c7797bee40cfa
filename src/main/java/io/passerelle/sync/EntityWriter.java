package io.passerelle.sync;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import java.time.Instant;
import java.util.List;

/**
 * Writes an entity's pages somewhere other than its canonical table (companies: platform companies and their
 * relations). The sync engine hands an entity's pages, and a retry's records, to the bean of that entity when there
 * is one, to {@link SyncStore} otherwise.
 */
public interface EntityWriter {

    CanonicalEntity entity();

    /**
     * As SyncStore.writePage: one transaction, the watermark saved with the page, counts and per-record errors.
     * A null watermark and heldAt (a retry's records) leave the cursor where it is.
     */
    PageResult writePage(SyncTarget target, List<CanonicalRecord> records, Instant watermark, Instant heldAt);

    /**
     * Claims, before a run of the connection's flow of this entity is created, what its pages will write beyond the
     * connection's own rows (companies: the platform companies it imports, which other connections may import too),
     * until the claim is released at the end of the run.
     *
     * @throws io.passerelle.run.FlowAlreadyRunningException when another run holds part of it (the API answers 409)
     */
    default Claim claim(String connectionId) {
        return Claim.NONE;
    }

    /** What {@link #claim} holds; releasing it twice is harmless. */
    @FunctionalInterface
    interface Claim {
        Claim NONE = () -> {
        };

        void release();
    }
}
