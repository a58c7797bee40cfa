package io.passerelle.run;

/**
 * Why one record was not written. {@code remoteKey} may be null when the record had no key at all;
 * {@code payload} is what the ERP sent, with secrets already removed.
 */
public record RecordError(String entity, String remoteKey, String code, String message, String payload, boolean retryable) {

    /** Counted as rejected (the record itself is wrong) rather than failed (we could not write it). */
    public boolean rejection() {
        return !retryable;
    }
}
