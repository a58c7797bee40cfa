package io.passerelle.sync;

/** Who or what started a run. */
public enum Trigger {
    SCHEDULE, API, STARTUP, RETRY
}
