package io.passerelle.run;

/** Who or what started a run. */
public enum Trigger {
    SCHEDULE, API, STARTUP, RETRY
}
