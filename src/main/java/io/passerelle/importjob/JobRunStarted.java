package io.passerelle.importjob;

import java.util.List;

/** A job's run started in the background: its id and those of its lines' sync runs. */
public record JobRunStarted(long importRunId, List<Long> runIds) {

    public JobRunStarted {
        runIds = List.copyOf(runIds);
    }
}
