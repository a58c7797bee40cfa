package io.passerelle.run;

/** 503: this instance is stopping and starts no run; another instance, or this one once restarted, will. */
public class InstanceStoppingException extends RuntimeException {

    public InstanceStoppingException(String instance) {
        super("instance " + instance + " is stopping and starts no new run: start it again on another instance, or "
                + "once this one is back");
    }
}
