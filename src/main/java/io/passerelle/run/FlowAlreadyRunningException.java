package io.passerelle.run;

/** A run of the same connection and flow is still going; the API answers 409. */
public class FlowAlreadyRunningException extends RuntimeException {

    public FlowAlreadyRunningException(String connectionId, String flow) {
        super("a run of flow '" + flow + "' is already going for connection '" + connectionId + "'");
    }

    /** For a run that is not of this flow but holds what it needs (a company another connection imports). */
    protected FlowAlreadyRunningException(String message) {
        super(message);
    }

    /** @param then what the caller may do once the run has finished, in words */
    public FlowAlreadyRunningException(String connectionId, String flow, String then) {
        super("a run of flow '" + flow + "' is going for connection '" + connectionId + "': " + then);
    }
}
