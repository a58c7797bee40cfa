package io.passerelle.erp.avantage;

/** Avantage answered {@code ok: false}: its code and its words. */
public class AvantageErrorException extends RuntimeException {

    private final String code;
    private final long retryAfterMs;

    public AvantageErrorException(String op, String code, String message, long retryAfterMs) {
        super("Avantage refused " + op + ": " + code + (message == null || message.isBlank() ? "" : " — " + message));
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }

    public String code() {
        return code;
    }

    public long retryAfterMs() {
        return retryAfterMs;
    }
}
