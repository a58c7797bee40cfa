package io.passerelle.sync;

public class UnknownEntityException extends RuntimeException {

    public UnknownEntityException(String entity) {
        super("unknown entity '" + entity + "'");
    }
}
