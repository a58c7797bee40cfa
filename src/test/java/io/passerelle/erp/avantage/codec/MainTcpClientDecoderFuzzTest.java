package io.passerelle.erp.avantage.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.passerelle.fuzz.FuzzedStream;
import io.passerelle.fuzz.TrackingAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The client codec (decoder, greeting gate, encoder) on whatever an Avantage server, or something posing as one,
 * sends: it fails only with the codec's own MainTcpException family, releases every buffer, allocates nothing a
 * length prefix announces beyond the frame limit, decodes only JSON objects, and never leaves a request hanging.
 * <p>
 * Input, so that seeds can be written by hand: byte 0 is the mode (bits 0-1: 0 raw bytes from the first byte on,
 * 1 a plain greeting then raw bytes, 2 an encrypting greeting then {@link FuzzedStream} records the test seals and
 * frames, 3 an encrypting greeting then raw bytes; bit 2: the connection has no key; bit 3: a request is sent
 * before the greeting); byte 1 is the size of the reads the stream is cut into (0: one read); the rest is the
 * stream. Regression inputs: MainTcpClientDecoderFuzzTestInputs/serverBytes/.
 */
@Tag("fuzz")
class MainTcpClientDecoderFuzzTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final FrameCipher CIPHER = FrameCipher.fromBase64Key(KEY);
    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();
    static final byte[] PLAIN_GREETING = "AVANTAGE MAINTCP 7.40 READY ENC=NONE\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ENCRYPTING_GREETING = "AVANTAGE MAINTCP 7.40 READY ENC=AES256GCM\r\n".getBytes(StandardCharsets.US_ASCII);

    @FuzzTest(maxDuration = "2m")
    void serverBytes(byte[] input) throws Exception {
        if (input.length < 2) {
            return;
        }
        int mode = input[0] & 0b11;
        boolean keyless = (input[0] & 0b100) != 0 && mode != 2;
        boolean requestFirst = (input[0] & 0b1000) != 0;
        byte[] stream = stream(mode, input);

        TrackingAllocator allocator = new TrackingAllocator();
        List<Throwable> failures = new ArrayList<>();
        List<Object> decoded = new ArrayList<>();
        MainTcpCodec codec = new MainTcpCodec(keyless ? null : KEY, JSON, 60_000);
        EmbeddedChannel channel = new EmbeddedChannel(false, false, codec.decoder().newChannelHandler(),
                codec.encoder().newChannelHandler(), codec.greetingGate().newChannelHandler(), new Recorder(decoded, failures));
        channel.config().setAllocator(allocator);
        channel.register();

        ObjectNode ping = JSON.createObjectNode().put("id", 1).put("op", "PING");
        ChannelFuture request = requestFirst ? channel.writeAndFlush(ping) : null;
        for (byte[] read : FuzzedStream.reads(stream, input[1] & 0xFF)) {
            if (!channel.isOpen()) {
                break;
            }
            channel.writeInbound(allocator.buffer(read.length).writeBytes(read));
        }
        channel.runPendingTasks();
        drainOutbound(channel);
        channel.finishAndReleaseAll();

        for (Throwable failure : failures) {
            Throwable cause = failure instanceof DecoderException && failure.getCause() != null ? failure.getCause() : failure;
            assertThat(cause).as("what the codec failed with").isInstanceOf(MainTcpException.class);
        }
        assertThat(decoded).as("decoded frames").allSatisfy(frame -> assertThat(frame).isInstanceOf(ObjectNode.class));
        if (request != null) {
            assertThat(request.isDone()).as("the request sent before the greeting is settled").isTrue();
            if (!request.isSuccess()) {
                assertThat(request.cause()).as("why the request failed").isInstanceOf(MainTcpException.class);
            }
        }
        assertThat(allocator.unreleased()).as("buffers not released").isZero();
        assertThat(allocator.largest()).as("largest allocation").isLessThanOrEqualTo(4 + MainTcpClientDecoder.MAX_FRAME_BYTES);
    }

    private static byte[] stream(int mode, byte[] input) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        switch (mode) {
            case 0 -> stream.writeBytes(java.util.Arrays.copyOfRange(input, 2, input.length));
            case 1 -> {
                stream.writeBytes(PLAIN_GREETING);
                stream.writeBytes(java.util.Arrays.copyOfRange(input, 2, input.length));
            }
            case 2 -> {
                stream.writeBytes(ENCRYPTING_GREETING);
                for (FuzzedStream.Part part : FuzzedStream.parts(input, 2)) {
                    if (part.raw()) {
                        stream.writeBytes(part.bytes());
                    } else {
                        byte[] sealed = CIPHER.encrypt(part.bytes());
                        stream.writeBytes(new byte[] {(byte) (sealed.length >>> 24), (byte) (sealed.length >>> 16),
                                (byte) (sealed.length >>> 8), (byte) sealed.length});
                        stream.writeBytes(sealed);
                    }
                }
            }
            default -> {
                stream.writeBytes(ENCRYPTING_GREETING);
                stream.writeBytes(java.util.Arrays.copyOfRange(input, 2, input.length));
            }
        }
        return stream.toByteArray();
    }

    /** Frames the codec wrote (the held request, once greeted): one length-prefixed frame each, then released. */
    private static void drainOutbound(EmbeddedChannel channel) {
        for (Object sent = channel.readOutbound(); sent != null; sent = channel.readOutbound()) {
            ByteBuf frame = (ByteBuf) sent;
            try {
                assertThat(frame.readableBytes()).isGreaterThan(4);
                assertThat(frame.getUnsignedInt(frame.readerIndex())).isEqualTo(frame.readableBytes() - 4L);
            } finally {
                frame.release();
            }
        }
    }

    /** The end of the pipeline, where Camel's handler sits: keeps what reaches it. */
    private static final class Recorder extends ChannelInboundHandlerAdapter {
        private final List<Object> decoded;
        private final List<Throwable> failures;

        Recorder(List<Object> decoded, List<Throwable> failures) {
            this.decoded = decoded;
            this.failures = failures;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            decoded.add(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failures.add(cause);
        }
    }
}
