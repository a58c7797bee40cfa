package io.passerelle.erp.avantage.codec;

/** A failure of the MainTCP conversation itself (not an error answer to one request). */
public class MainTcpException extends RuntimeException {

    public MainTcpException(String message) {
        super(message);
    }
}
