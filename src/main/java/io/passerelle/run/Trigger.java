package io.passerelle.run;

/** Who or what started a run. */
public enum Trigger {
    SCHEDULE, API, STARTUP, RETRY,
    /** a person's click in the console ({@code io.passerelle.console}), under that person's token */
    CONSOLE
}
