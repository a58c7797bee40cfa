package io.passerelle.connection;

/** The connection's link was cancelled: no run of it starts until it is linked again; the API answers 409. */
public class ConnectionUnlinkedException extends RuntimeException {

    private final String connectionId;

    public ConnectionUnlinkedException(String connectionId) {
        super("connection " + connectionId + " is unlinked; POST /api/connections/" + connectionId
                + "/link to link it again");
        this.connectionId = connectionId;
    }

    public String connectionId() {
        return connectionId;
    }
}
