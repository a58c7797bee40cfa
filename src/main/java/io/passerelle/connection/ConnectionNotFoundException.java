package io.passerelle.connection;

import java.util.NoSuchElementException;

/** No connection of that id; the API answers 404. A {@link NoSuchElementException} so callers of the sync contract see the same kind. */
public class ConnectionNotFoundException extends NoSuchElementException {

    private final String id;

    public ConnectionNotFoundException(String id) {
        this(id, "no connection '" + id + "'");
    }

    protected ConnectionNotFoundException(String id, String message) {
        super(message);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
