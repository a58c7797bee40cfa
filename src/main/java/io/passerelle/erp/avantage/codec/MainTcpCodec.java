package io.passerelle.erp.avantage.codec;

import java.util.concurrent.atomic.AtomicReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandler;
import org.apache.camel.component.netty.ChannelHandlerFactory;

/**
 * The channel handler factories camel-netty needs for one connection: each channel gets its own
 * decoder and gate (they hold per-channel state); they share the connection's cipher.
 * The encoder list order matters: the gate must sit before the encoder on the way out.
 */
public final class MainTcpCodec {

    private final FrameCipher cipher;
    private final ObjectMapper mapper;
    private final long greetingTimeoutMillis;
    private final AtomicReference<MainTcpException> lastRefusal = new AtomicReference<>();

    /** @param base64Key the customer's encryption key, or null/blank when none was given */
    public MainTcpCodec(String base64Key, ObjectMapper mapper, long greetingTimeoutMillis) {
        this.cipher = base64Key == null || base64Key.isBlank() ? null : FrameCipher.fromBase64Key(base64Key);
        this.mapper = mapper;
        this.greetingTimeoutMillis = greetingTimeoutMillis;
    }

    public ChannelHandlerFactory decoder() {
        return new Factory(() -> new MainTcpClientDecoder(cipher, mapper, lastRefusal::set));
    }

    /**
     * Why the last greeting on this connection was refused (DENIED, not Avantage, …), null once one is accepted.
     * A request that finds its channel already closed by that refusal fails with this reason, not with Netty's
     * "channel closed".
     */
    public MainTcpException lastRefusal() {
        return lastRefusal.get();
    }

    public ChannelHandlerFactory encoder() {
        return new Factory(() -> new MainTcpClientEncoder(cipher, mapper));
    }

    public ChannelHandlerFactory greetingGate() {
        return new Factory(() -> new GreetingGate(greetingTimeoutMillis));
    }

    /** A factory is itself a (never installed) handler, as camel-netty's encoder/decoder lists require. */
    private static final class Factory extends io.netty.channel.ChannelHandlerAdapter implements ChannelHandlerFactory {
        private final java.util.function.Supplier<ChannelHandler> supplier;

        private Factory(java.util.function.Supplier<ChannelHandler> supplier) {
            this.supplier = supplier;
        }

        @Override
        public ChannelHandler newChannelHandler() {
            return supplier.get();
        }
    }
}
