package io.passerelle.erp.http;

/**
 * The ERP answered, and said no: its status, the machine-readable code its body gave ({@link ErrorBodies#code}), and,
 * in the message, its words (see {@link ErrorBodies}).
 */
public class RestRefusedException extends RuntimeException {

    private final int status;
    private final String code;

    public RestRefusedException(int status, String message) {
        this(status, null, message);
    }

    /** @param code e.g. OData's {@code NotFound}, OAuth's {@code invalid_client}; null when the body gave none */
    public RestRefusedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
