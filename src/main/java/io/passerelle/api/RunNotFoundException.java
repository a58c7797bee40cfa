package io.passerelle.api;

/** No run of that id; answered 404. */
public class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(long runId) {
        super("no run " + runId);
    }
}
