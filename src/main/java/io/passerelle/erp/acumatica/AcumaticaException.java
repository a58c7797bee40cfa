package io.passerelle.erp.acumatica;

import java.util.List;

/** Acumatica said no. {@code fieldErrors} name each field it complained about (422), as {@code Details[1].Project}. */
public class AcumaticaException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final List<FieldError> fieldErrors;

    public AcumaticaException(int status, String message, List<FieldError> fieldErrors) {
        super(message);
        this.status = status;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
