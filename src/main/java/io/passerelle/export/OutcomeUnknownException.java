package io.passerelle.export;

/** The batch may or may not have been stored: the answer never came. Reconcile before any resend. */
public class OutcomeUnknownException extends RuntimeException {

    public OutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
