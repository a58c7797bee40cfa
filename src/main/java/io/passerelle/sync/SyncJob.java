package io.passerelle.sync;

import io.passerelle.connection.Connection;
import io.passerelle.run.RetryScope;
import io.passerelle.run.SyncMode;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Runs of one connection to make in order, each a flow of one company under its already created run row: company
 * after company (one session each), each company's flows in dependency order. {@code scope} limits a retry (one flow)
 * to the records that failed; {@code key} refreshes the one record a user knows by it (one flow; see
 * {@link InboundSource#refusesKey}); {@code project} syncs one project's records (one flow, as the ERP spells its number;
 * see {@link InboundSource#refusesProject}); {@code range} is an import job's; each null otherwise. The flows' routes are
 * made from their files when the job runs, so that a broken file fails its run, in words, like an unreachable ERP.
 * {@code claims} are what the job holds (its writers' claims, the companies it imports), released as it ends.
 * {@code failure} is why the companies to import could not be known (the ERP was asked and could not say): every
 * run of the job then fails with it.
 */
public record SyncJob(Connection connection, InboundSource source, List<Part> parts, SyncMode mode, RetryScope scope,
        String key, String project, SyncRange range, List<Runnable> claims, RuntimeException failure) {

    /** One run: a flow of one company. */
    public record Part(InboundFlowSpec flow, SyncTarget target, long runId) {
    }

    public List<Long> runIds() {
        return parts.stream().map(Part::runId).toList();
    }

    /** The job's flows, each once, in order. */
    public List<InboundFlowSpec> flows() {
        return List.copyOf(new LinkedHashSet<>(parts.stream().map(Part::flow).toList()));
    }

    /** Releases what the job holds (those released already stay so). */
    void releaseClaims() {
        claims.forEach(Runnable::run);
    }
}
