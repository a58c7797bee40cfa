package io.passerelle.export;

import io.passerelle.run.RetryScope;
import io.passerelle.run.RunView;
import io.passerelle.run.Trigger;

/**
 * Starts outbound runs ({@code timesheets}, later {@code commitments}, {@code invoices}). Throws
 * {@code UnknownFlowException}, {@code FlowAlreadyRunningException}, or {@code NoSuchElementException}
 * for an unknown connection, like the sync launcher.
 */
public interface ExportLauncher {

    /** Starts the run in the background and answers its id. */
    long start(String connectionId, String flow, Trigger trigger);

    /** Runs and waits; answers the finished run (direction OUT, export counts). */
    RunView runAndWait(String connectionId, String flow, Trigger trigger);

    /**
     * Starts a run (trigger RETRY) of only the items in {@code scope}: those of them in doubt are asked about first,
     * those not delivered go again; answers its id.
     */
    long startRetry(String connectionId, String flow, RetryScope scope);

    /** As {@link #startRetry}, and waits; answers the finished run. */
    RunView retryAndWait(String connectionId, String flow, RetryScope scope);
}
