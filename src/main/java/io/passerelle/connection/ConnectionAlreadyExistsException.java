package io.passerelle.connection;

/** A connection of that id exists already; the API answers 409. */
public class ConnectionAlreadyExistsException extends RuntimeException {

    public ConnectionAlreadyExistsException(String id) {
        super("a connection '" + id + "' exists already");
    }
}
