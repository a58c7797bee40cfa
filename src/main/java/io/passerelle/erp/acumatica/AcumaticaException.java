package io.passerelle.erp.acumatica;

import io.passerelle.erp.http.RestRefusedException;
import java.util.List;

/** Acumatica said no. {@code fieldErrors} name each field it complained about (422), as {@code Details[1].Project}. */
public class AcumaticaException extends RestRefusedException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> fieldErrors;

    public AcumaticaException(int status, String message, List<FieldError> fieldErrors) {
        super(status, message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
