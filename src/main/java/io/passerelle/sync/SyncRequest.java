package io.passerelle.sync;

import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import java.util.List;
import java.util.Set;

/**
 * What an import job asks of the inbound engine: some flows of one connection ({@code all}: every one, in order),
 * for some of its selected companies ({@code companies}: their {@code erpCompanyId}s; null: every selected one), in a
 * range (null: what changed since the last run, or everything with {@code mode} FULL). {@code importRunId} names
 * the job's run its runs are the lines of; null for a run asked for directly.
 */
public record SyncRequest(String connectionId, List<String> flows, Trigger trigger, SyncMode mode,
        Set<String> companies, SyncRange range, Long importRunId) {

    /** One flow (or {@code all}) of every selected company, as the sync API asks. */
    public static SyncRequest of(String connectionId, String flow, Trigger trigger, SyncMode mode) {
        return new SyncRequest(connectionId, List.of(flow), trigger, mode, null, null, null);
    }
}
