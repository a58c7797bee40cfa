package io.passerelle.erp.avantage.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the greeting line, then length-prefixed frames, decrypting them when the greeting says so,
 * into Jackson trees. One instance per channel (it holds the conversation's state).
 * A frame length of 0 or above 16 MiB cannot be resynchronised: the channel is closed before any
 * allocation of that size.
 */
public class MainTcpClientDecoder extends ByteToMessageDecoder {

    public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private final FrameCipher cipher;
    private final ObjectMapper mapper;
    private final Consumer<MainTcpException> refusals;
    private boolean greeted;

    /** @param refusals told of each refused greeting, and of null when a greeting is accepted */
    public MainTcpClientDecoder(FrameCipher cipher, ObjectMapper mapper, Consumer<MainTcpException> refusals) {
        this.cipher = cipher;
        this.mapper = mapper;
        this.refusals = refusals;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!greeted) {
            readGreeting(ctx, in);
            return;
        }
        if (in.readableBytes() < 4) {
            return;
        }
        long length = in.getUnsignedInt(in.readerIndex());
        if (length == 0 || length > MAX_FRAME_BYTES) {
            in.skipBytes(in.readableBytes());
            ctx.close();
            throw new FrameViolationException("frame length " + length + " outside 1.." + MAX_FRAME_BYTES);
        }
        if (in.readableBytes() < 4 + length) {
            return;
        }
        in.skipBytes(4);
        byte[] payload = new byte[(int) length];
        in.readBytes(payload);
        if (MainTcpChannel.encrypted(ctx.channel())) {
            try {
                payload = cipher.decrypt(payload);
            } catch (FrameCipher.FrameAuthenticationException e) {
                ctx.close();
                throw new FrameViolationException(e.getMessage());
            }
        }
        ctx.channel().attr(MainTcpChannel.ANSWERED).set(Boolean.TRUE);
        out.add(parse(payload));
    }

    /** Closes a channel whose greeting is refused, keeping the reason for whoever hears of the close first. */
    private MainTcpException refuse(ChannelHandlerContext ctx, MainTcpException reason) {
        ctx.channel().attr(MainTcpChannel.GREETING_FAILURE).set(reason);
        refusals.accept(reason);
        ctx.close();
        return reason;
    }

    private void readGreeting(ChannelHandlerContext ctx, ByteBuf in) {
        int seen = Math.min(in.readableBytes(), Greeting.MAX_LENGTH);
        int prefixLength = Math.min(seen, Greeting.PREFIX.length());
        String start = in.toString(in.readerIndex(), prefixLength, StandardCharsets.US_ASCII);
        if (!Greeting.PREFIX.startsWith(start)) {
            String head = in.toString(in.readerIndex(), seen, StandardCharsets.US_ASCII);
            in.skipBytes(in.readableBytes());
            throw refuse(ctx, new NotAvantageServerException("it answered " + Greeting.printable(head.strip())));
        }
        int lf = in.indexOf(in.readerIndex(), in.readerIndex() + seen, (byte) '\n');
        if (lf < 0) {
            if (seen >= Greeting.MAX_LENGTH) {
                in.skipBytes(in.readableBytes());
                throw refuse(ctx, new NotAvantageServerException("greeting line longer than " + Greeting.MAX_LENGTH + " bytes"));
            }
            return;
        }
        String line = in.toString(in.readerIndex(), lf - in.readerIndex(), StandardCharsets.US_ASCII).strip();
        in.readerIndex(lf + 1);
        Greeting greeting;
        try {
            greeting = Greeting.parse(line);
        } catch (MainTcpException e) {
            throw refuse(ctx, e);
        }
        if (greeting.encryption() == Greeting.Encryption.AES256GCM && cipher == null) {
            throw refuse(ctx, new MainTcpException("the Avantage server requires encryption (ENC=AES256GCM) "
                    + "but the connection has no encryption key"));
        }
        ctx.channel().attr(MainTcpChannel.GREETING).set(greeting);
        refusals.accept(null);
        greeted = true;
        ctx.pipeline().fireUserEventTriggered(MainTcpChannel.GREETED);
    }

    private JsonNode parse(byte[] payload) {
        try {
            JsonNode node = mapper.readTree(payload);
            if (node == null || !node.isObject()) {
                throw new FrameViolationException("frame payload is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new FrameViolationException("frame payload is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw new FrameViolationException("frame payload unreadable");
        }
    }
}
