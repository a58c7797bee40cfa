package io.passerelle.connection;

/**
 * Re-creating an archived connection with another ERP or another company: its history (what was exported, and
 * where) belongs to the system it was archived with, so it cannot be picked up by this one. The API answers 409
 * naming {@code field}.
 */
public class ArchivedConnectionMismatchException extends RuntimeException {

    private final String field;

    public ArchivedConnectionMismatchException(String id, String field, String archivedValue, String givenValue) {
        super("connection '" + id + "' was archived with " + field + " '" + archivedValue + "', not '" + givenValue
                + "': its history (runs, exports) belongs to that system; use another id for this one");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
