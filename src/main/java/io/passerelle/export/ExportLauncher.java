package io.passerelle.export;

import io.passerelle.sync.RunView;
import io.passerelle.sync.Trigger;

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
}
