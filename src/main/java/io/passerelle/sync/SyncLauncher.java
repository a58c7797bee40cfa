package io.passerelle.sync;

import io.passerelle.run.RetryScope;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import java.util.List;

/**
 * Starts inbound runs. {@code flow} may be {@code all}: every inbound flow of the ERP, in order.
 * Throws {@link UnknownFlowException}, {@link FlowAlreadyRunningException}, or
 * {@code NoSuchElementException} for an unknown connection.
 */
public interface SyncLauncher {

    /** Starts the run(s) in the background; answers the ids of the runs it created, in order. */
    List<Long> start(String connectionId, String flow, Trigger trigger, SyncMode mode);

    /** Runs and waits; answers the finished runs, in order. */
    List<RunView> runAndWait(String connectionId, String flow, Trigger trigger, SyncMode mode);

    /** Starts the runs an import job asks for (one per company × flow) in the background; answers their ids. */
    List<Long> start(SyncRequest request);

    /** As {@link #start(SyncRequest)}, and waits; answers the finished runs, in order. */
    List<RunView> runAndWait(SyncRequest request);

    /**
     * Refreshes the one record of {@code flow} a user knows by {@code key} (AdminPulse: a company by its enterprise
     * number, when its file is opened), leaving the flow's cursor where it is; answers its id.
     *
     * @throws RefreshKeyRefusedException when the flow cannot be refreshed by that key, saying why
     */
    long startRefresh(String connectionId, String flow, Trigger trigger, String key);

    /** As {@link #startRefresh}, and waits; answers the finished run. */
    RunView refreshAndWait(String connectionId, String flow, Trigger trigger, String key);

    /**
     * Syncs the records of one project alone ({@code project}: its number, in any spelling the platform's projects
     * match), read whole, leaving the flow's cursor where it is (it says where every project's records were read up
     * to); answers the run's id. The run names the project as the ERP spells it ({@link RunView#project()}).
     *
     * @throws ProjectRefusedException when the flow cannot sync one project's records alone, or the company has no
     *                                 such project among its synced ones, saying which
     */
    long startProject(String connectionId, String flow, Trigger trigger, String project);

    /** As {@link #startProject}, and waits; answers the finished run. */
    RunView projectAndWait(String connectionId, String flow, Trigger trigger, String project);

    /**
     * Starts a run of one flow (trigger RETRY) that re-reads it and writes only the records in {@code scope},
     * leaving the flow's cursor where it is; answers its id.
     */
    long startRetry(String connectionId, String flow, RetryScope scope);

    /** As {@link #startRetry}, and waits; answers the finished run. */
    RunView retryAndWait(String connectionId, String flow, RetryScope scope);
}
