package io.passerelle.sync;

import io.passerelle.connection.Connection;
import io.passerelle.run.RetryScope;
import io.passerelle.run.SyncMode;
import java.util.List;

/**
 * Flows of one connection to run in order, each under its already created run row. {@code scope} limits a
 * retry (one flow) to the records that failed; null for an ordinary run. {@code key} refreshes the one record a
 * user knows by it (one flow; see {@link InboundSource#refusesKey}); null otherwise. The flows' routes are made from
 * their files when the job runs, so that a broken file fails its run, in words, like an unreachable ERP. {@code claims}
 * are what each flow's writer claimed for its run ({@link EntityWriter#claim}), one per flow, released as it ends.
 */
public record SyncJob(Connection connection, InboundSource source, List<InboundFlowSpec> flows, List<Long> runIds,
        SyncMode mode, RetryScope scope, String key, List<EntityWriter.Claim> claims) {

    /** Releases what the flows' writers claimed (those released already stay so). */
    void releaseClaims() {
        claims.forEach(EntityWriter.Claim::release);
    }
}
