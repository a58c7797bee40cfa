package io.passerelle.export;

/** The batch certainly did not reach the ERP (it could not even connect): safe to send again later. */
public class NotSentException extends RuntimeException {

    public NotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
