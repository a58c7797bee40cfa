package io.passerelle.erp.avantage.codec;

public class FrameViolationException extends MainTcpException {

    public FrameViolationException(String detail) {
        super("MainTCP protocol violation: " + detail);
    }
}
