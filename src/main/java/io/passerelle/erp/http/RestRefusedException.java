package io.passerelle.erp.http;

/** The ERP answered, and said no: its status and, in the message, its words (see {@link ErrorBodies}). */
public class RestRefusedException extends RuntimeException {

    private final int status;

    public RestRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
