package io.passerelle.connection;

/** The connection has no endpoint of that name; the API answers 404. */
public class EndpointNotFoundException extends RuntimeException {

    public EndpointNotFoundException(String connectionId, String endpoint) {
        super("connection '" + connectionId + "' has no endpoint '" + endpoint + "'");
    }
}
