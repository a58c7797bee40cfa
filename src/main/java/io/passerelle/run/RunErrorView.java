package io.passerelle.run;

/**
 * One record's error within a run; {@code payload} is already redacted; {@code company} the ERP company of the
 * record (its run's), null for the connection's own.
 */
public record RunErrorView(
        long id, String entity, String remoteKey, String code, String message, String payload, boolean retryable,
        RunCompany company) {

    /** An error of the connection's own company. */
    public RunErrorView(long id, String entity, String remoteKey, String code, String message, String payload,
            boolean retryable) {
        this(id, entity, remoteKey, code, message, payload, retryable, null);
    }
}
