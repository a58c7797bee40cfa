package io.passerelle.erp.avantage.codec;

public class ConnectionDeniedException extends MainTcpException {

    public ConnectionDeniedException(String detail) {
        super("the Avantage server denied this connection: " + detail);
    }
}
