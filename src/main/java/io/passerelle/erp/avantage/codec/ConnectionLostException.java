package io.passerelle.erp.avantage.codec;

/** The connection closed while the request was in flight: its outcome is unknown. */
public class ConnectionLostException extends MainTcpException {

    public ConnectionLostException(String detail) {
        super("connection lost before the answer came: " + detail);
    }
}
