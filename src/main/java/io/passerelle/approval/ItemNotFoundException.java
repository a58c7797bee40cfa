package io.passerelle.approval;

/** No commitment, invoice or approval item with that id: 404. */
public class ItemNotFoundException extends RuntimeException {

    public ItemNotFoundException(String what) {
        super("no such " + what);
    }
}
