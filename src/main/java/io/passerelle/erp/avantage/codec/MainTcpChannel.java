package io.passerelle.erp.avantage.codec;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** Per-channel state shared by the decoder (which learns it from the greeting) and the encoder. */
final class MainTcpChannel {

    static final AttributeKey<Greeting> GREETING = AttributeKey.valueOf("avantage.greeting");
    static final AttributeKey<Boolean> ANSWERED = AttributeKey.valueOf("avantage.answered");
    /**
     * Why the greeting was refused. Kept on the channel because when the server's words and its hang-up arrive
     * in one read, Netty fires channelInactive before the decoder's exception: the hang-up must not hide them.
     */
    static final AttributeKey<MainTcpException> GREETING_FAILURE = AttributeKey.valueOf("avantage.greetingFailure");

    /** Fired through the pipeline once the greeting is read, so that held writes may go. */
    static final Object GREETED = new Object() {
        @Override
        public String toString() {
            return "avantage.greeted";
        }
    };

    private MainTcpChannel() {
    }

    /**
     * Why the server hung up: an encrypting server that closes before answering any frame of ours
     * could not authenticate it, which means our key is not its key.
     */
    static MainTcpException closedByServer(Channel channel) {
        MainTcpException refused = channel.attr(GREETING_FAILURE).get();
        if (refused != null) {
            return refused;
        }
        if (encrypted(channel) && channel.attr(ANSWERED).get() == null) {
            return new EncryptionRejectedException();
        }
        return new ConnectionLostException("the server closed the connection");
    }

    static boolean encrypted(Channel channel) {
        Greeting greeting = channel.attr(GREETING).get();
        return greeting != null && greeting.encryption() == Greeting.Encryption.AES256GCM;
    }
}
