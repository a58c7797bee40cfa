package io.passerelle.erp.avantage.codec;

public class EncryptionRejectedException extends MainTcpException {

    public EncryptionRejectedException() {
        super("encryption key rejected or stream corrupt: the server closed the connection on our first encrypted frame");
    }
}
