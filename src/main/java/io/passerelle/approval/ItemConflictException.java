package io.passerelle.approval;

/** A write that clashes with what is stored (reference taken, item no longer READY): 409, naming the field. */
public class ItemConflictException extends RuntimeException {

    private final String field;

    public ItemConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
