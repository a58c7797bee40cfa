package io.passerelle.run;

import java.util.List;
import java.util.Optional;

/** Reads the run history: every run is a row with its counts and per-record errors. */
public interface RunHistory {

    Optional<RunView> find(long runId);

    /** Newest first; any filter may be null. */
    List<RunView> search(String connectionId, String flow, String status, int limit);

    List<RunErrorView> errors(long runId);
}
