package io.passerelle.erp.avantage.codec;

public class GreetingTimeoutException extends MainTcpException {

    public GreetingTimeoutException(long millis) {
        super("timed out: connected, but no Avantage greeting within " + millis + " ms");
    }
}
