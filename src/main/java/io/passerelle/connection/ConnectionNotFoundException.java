package io.passerelle.connection;

import java.util.NoSuchElementException;

/** No connection of that id; the API answers 404. A {@link NoSuchElementException} so callers of the sync contract see the same kind. */
public class ConnectionNotFoundException extends NoSuchElementException {

    public ConnectionNotFoundException(String id) {
        super("no connection '" + id + "'");
    }
}
