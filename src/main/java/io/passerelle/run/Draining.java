package io.passerelle.run;

/**
 * Whether this instance is stopping (SIGTERM): it takes no new run, and a run going on stops at the end of the page or
 * batch it is writing, recorded INTERRUPTED with its counts. Asked by the engines between pages.
 */
@FunctionalInterface
public interface Draining {

    /** For the engines' plain tests: never stopping. */
    Draining NEVER = () -> false;

    boolean draining();
}
