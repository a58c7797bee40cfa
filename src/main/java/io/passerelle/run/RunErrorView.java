package io.passerelle.run;

/** One record's error within a run; {@code payload} is already redacted. */
public record RunErrorView(
        long id, String entity, String remoteKey, String code, String message, String payload, boolean retryable) {
}
