package io.passerelle.run;

import java.time.Instant;
import java.util.Map;

/**
 * A run as the API shows it (see API.md, Runs). {@code counts} keys depend on the direction; {@code retryOf} is
 * the run whose failed records this one retried (trigger RETRY), else null; {@code company} the ERP company a run of a
 * connection that reaches several imported (null: the connection's own company); {@code project} the project whose
 * records alone the run synced ({@code POST …/sync/activities?project=}), as the ERP spells its number (null: every
 * project's).
 */
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
        String message,
        Long retryOf,
        RunCompany company,
        String project) {

    /** A run that retries nothing. */
    public RunView(long id, String connection, String flow, String direction, String trigger, String mode,
            Instant startedAt, Instant finishedAt, String status, Map<String, Integer> counts, String message) {
        this(id, connection, flow, direction, trigger, mode, startedAt, finishedAt, status, counts, message, null);
    }

    /** A run of the connection's own company. */
    public RunView(long id, String connection, String flow, String direction, String trigger, String mode,
            Instant startedAt, Instant finishedAt, String status, Map<String, Integer> counts, String message,
            Long retryOf) {
        this(id, connection, flow, direction, trigger, mode, startedAt, finishedAt, status, counts, message, retryOf,
                null);
    }

    /** A run of every project's records. */
    public RunView(long id, String connection, String flow, String direction, String trigger, String mode,
            Instant startedAt, Instant finishedAt, String status, Map<String, Integer> counts, String message,
            Long retryOf, RunCompany company) {
        this(id, connection, flow, direction, trigger, mode, startedAt, finishedAt, status, counts, message, retryOf,
                company, null);
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
