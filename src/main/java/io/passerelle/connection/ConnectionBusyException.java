package io.passerelle.connection;

import java.util.List;

/** A run of the connection is going, so it cannot be deleted or archived now; the API answers 409. */
public class ConnectionBusyException extends RuntimeException {

    /** One run going: its id and flow. */
    public record RunGoing(long runId, String flow) {
    }

    public ConnectionBusyException(String id, List<RunGoing> runs) {
        super("connection '" + id + "' cannot be deleted while " + (runs.size() == 1 ? "a run of it is" : "runs of it are")
                + " going (" + String.join(", ", runs.stream().map(r -> "run " + r.runId() + ", flow " + r.flow()).toList())
                + "); delete it once " + (runs.size() == 1 ? "it has" : "they have") + " finished");
    }
}
