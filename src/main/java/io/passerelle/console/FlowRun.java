package io.passerelle.console;

import io.passerelle.run.RunView;

/** One inbound flow of a connection and its last run (null: it never ran). */
public record FlowRun(String flow, RunView last) {

    /** The last run's status, or null when the flow never ran. */
    public String status() {
        return last == null ? null : last.status();
    }
}
