package io.passerelle.importjob;

/**
 * What a job's run reads: {@code INCREMENTAL} what changed since the flows' last runs (their cursors), {@code ALL}
 * everything, {@code LAST_DAYS} what changed in the last n days, {@code BETWEEN} what changed from one date to another
 * (both included, UTC).
 */
public enum RangeKind {
    INCREMENTAL, ALL, LAST_DAYS, BETWEEN
}
