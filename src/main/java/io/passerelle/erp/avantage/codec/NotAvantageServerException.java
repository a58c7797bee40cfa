package io.passerelle.erp.avantage.codec;

public class NotAvantageServerException extends MainTcpException {

    public NotAvantageServerException(String detail) {
        super("not an Avantage server: " + detail);
    }
}
