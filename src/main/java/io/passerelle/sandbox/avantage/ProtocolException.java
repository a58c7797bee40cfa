package io.passerelle.sandbox.avantage;

/** A request the server answers with {@code ok: false}. Control flow, not a failure: no stack trace. */
final class ProtocolException extends RuntimeException {

    private final ErrorCode code;
    private final Long retryAfterMs;

    ProtocolException(ErrorCode code, String message) {
        this(code, message, null);
    }

    ProtocolException(ErrorCode code, String message, Long retryAfterMs) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }

    static ProtocolException badRequest(String message) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, message);
    }

    ErrorCode code() {
        return code;
    }

    Long retryAfterMs() {
        return retryAfterMs;
    }
}
