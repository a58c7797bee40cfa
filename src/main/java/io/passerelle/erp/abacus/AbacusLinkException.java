package io.passerelle.erp.abacus;

/**
 * A step of reaching the mandant failed: the server, the service user's id and secret, the mandant, or a scope. Its
 * message is what the connection's link shows, in words an administrator acts on.
 */
final class AbacusLinkException extends RuntimeException {

    /** What failed, as a connection test's {@code result}. */
    enum Kind {
        UNREACHABLE("unreachable"),
        TIMED_OUT("timed-out"),
        BAD_CREDENTIALS("bad-credentials"),
        UNKNOWN_MANDANT("unknown-mandant"),
        MANDANT_NOT_AUTHORISED("mandant-not-authorised"),
        MISSING_SCOPE("missing-scope"),
        ERROR("error");

        final String result;

        Kind(String result) {
            this.result = result;
        }
    }

    private final Kind kind;

    AbacusLinkException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
