package io.passerelle.run;

import java.util.List;
import java.util.Optional;

/** Reads the run history: every run is a row with its counts and per-record errors. */
public interface RunHistory {

    Optional<RunView> find(long runId);

    /** Newest first; any filter may be null. */
    List<RunView> search(String connectionId, String flow, String status, int limit);

    /** Newest first, only runs older than {@code before} (null: from the newest), for a history read page by page. */
    List<RunView> search(RunFilter filter, Long before, int limit);

    List<RunErrorView> errors(long runId);
}
