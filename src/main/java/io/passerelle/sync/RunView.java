package io.passerelle.sync;

import java.time.Instant;
import java.util.Map;

/** A run as the API shows it (see API.md, Runs). {@code counts} keys depend on the direction. */
public record RunView(
        long id,
        String connection,
        String flow,
        String direction,
        String trigger,
        String mode,
        Instant startedAt,
        Instant finishedAt,
        String status,
        Map<String, Integer> counts,
        String message) {

    public boolean finished() {
        return finishedAt != null;
    }
}
