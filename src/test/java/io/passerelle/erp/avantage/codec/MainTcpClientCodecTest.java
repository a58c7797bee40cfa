package io.passerelle.erp.avantage.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The client side of the wire format, byte by byte, without a socket. */
class MainTcpClientCodecTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));
    final ObjectMapper mapper = new ObjectMapper();

    EmbeddedChannel channel(String key) {
        MainTcpCodec codec = new MainTcpCodec(key, mapper, 60_000);
        return new EmbeddedChannel(codec.decoder().newChannelHandler(), codec.encoder().newChannelHandler(),
                codec.greetingGate().newChannelHandler());
    }

    static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    ByteBuf frame(String json, FrameCipher cipher) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        if (cipher != null) {
            payload = cipher.encrypt(payload);
        }
        return Unpooled.buffer().writeInt(payload.length).writeBytes(payload);
    }

    @Test
    void holdsRequestsUntilTheGreetingThenSendsFrames() {
        EmbeddedChannel channel = channel(null);
        ObjectNode ping = mapper.createObjectNode().put("id", 1).put("op", "PING");
        channel.writeOutbound(ping);
        assertThat((Object) channel.readOutbound()).as("nothing leaves before the greeting").isNull();

        channel.writeInbound(ascii("AVANTAGE MAINTCP 7.40 READY ENC=NONE\r\n"));
        ByteBuf sent = channel.readOutbound();
        int length = sent.readInt();
        assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("{\"id\":1,\"op\":\"PING\"}");
        assertThat(length).isEqualTo(sent.readableBytes());
        sent.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void decodesFramesSplitAcrossReadsAndCoalescedInOneRead() {
        EmbeddedChannel channel = channel(null);
        ByteBuf bytes = Unpooled.buffer();
        bytes.writeBytes(ascii("AVANTAGE MAINTCP 7.40 READY ENC=NONE\r\n"));
        bytes.writeBytes(frame("{\"id\":1,\"ok\":true}", null));
        bytes.writeBytes(frame("{\"id\":2,\"ok\":true,\"text\":\"Béton coulé\"}", null));
        bytes.writeBytes(frame("{\"id\":3,\"ok\":true}", null));
        // one byte at a time for the greeting and the first frame, then the rest in one read
        int split = 38 + 4 + 18;
        for (int i = 0; i < split; i++) {
            channel.writeInbound(bytes.readRetainedSlice(1));
        }
        channel.writeInbound(bytes.readRetainedSlice(bytes.readableBytes()));
        bytes.release();

        assertThat(((JsonNode) channel.readInbound()).get("id").asInt()).isEqualTo(1);
        JsonNode second = channel.readInbound();
        assertThat(second.get("text").asText()).isEqualTo("Béton coulé");
        assertThat(((JsonNode) channel.readInbound()).get("id").asInt()).isEqualTo(3);
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void encryptsAndDecryptsWithTheCustomersKey() {
        EmbeddedChannel channel = channel(KEY);
        FrameCipher server = FrameCipher.fromBase64Key(KEY);
        channel.writeInbound(ascii("AVANTAGE MAINTCP 7.40 READY ENC=AES256GCM\r\n"));
        channel.writeOutbound(mapper.createObjectNode().put("id", 7).put("op", "PING"));
        ByteBuf sent = channel.readOutbound();
        byte[] payload = new byte[sent.readInt()];
        sent.readBytes(payload);
        sent.release();
        assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain("PING");
        assertThat(new String(server.decrypt(payload), StandardCharsets.UTF_8)).isEqualTo("{\"id\":7,\"op\":\"PING\"}");

        channel.writeInbound(frame("{\"id\":7,\"ok\":true}", server));
        assertThat(((JsonNode) channel.readInbound()).get("ok").asBoolean()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void aFrameUnderAnotherKeyClosesTheChannel() {
        EmbeddedChannel channel = channel(KEY);
        channel.writeInbound(ascii("AVANTAGE MAINTCP 7.40 READY ENC=AES256GCM\r\n"));
        assertThatThrownBy(() -> channel.writeInbound(frame("{\"id\":1,\"ok\":true}", FrameCipher.fromBase64Key(OTHER_KEY))))
                .isInstanceOf(DecoderException.class).hasMessageContaining("encryption key rejected or stream corrupt");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aZeroLengthFrameClosesTheChannel() {
        EmbeddedChannel channel = channel(null);
        channel.writeInbound(ascii("AVANTAGE MAINTCP 7.40 READY ENC=NONE\r\n"));
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeInt(0)))
                .isInstanceOf(DecoderException.class).hasMessageContaining("frame length 0");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void anOversizedLengthClosesTheChannelWithoutWaitingForOrAllocatingItsBytes() {
        EmbeddedChannel channel = channel(null);
        channel.writeInbound(ascii("AVANTAGE MAINTCP 7.40 READY ENC=NONE\r\n"));
        ByteBuf header = Unpooled.buffer().writeInt(16 * 1024 * 1024 + 1).writeBytes(new byte[10]);
        assertThatThrownBy(() -> channel.writeInbound(header))
                .isInstanceOf(DecoderException.class).hasMessageContaining("outside 1..16777216");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aFrameOfExactly16MiBIsAccepted() {
        EmbeddedChannel channel = channel(null);
        channel.writeInbound(ascii("AVANTAGE MAINTCP 7.40 READY ENC=NONE\r\n"));
        int size = 16 * 1024 * 1024;
        String prefix = "{\"id\":1,\"ok\":true,\"pad\":\"";
        String suffix = "\"}";
        String json = prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
        channel.writeInbound(frame(json, null));
        assertThat(((JsonNode) channel.readInbound()).get("pad").asText()).hasSize(size - prefix.length() - suffix.length());
        channel.finishAndReleaseAll();
    }

    @Test
    void aPayloadThatIsNotJsonIsAProtocolViolation() {
        EmbeddedChannel channel = channel(null);
        channel.writeInbound(ascii("AVANTAGE MAINTCP 7.40 READY ENC=NONE\r\n"));
        assertThatThrownBy(() -> channel.writeInbound(frame("{\"id\":1,", null)))
                .isInstanceOf(DecoderException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void deniedGreetingNamesTheReason() {
        EmbeddedChannel channel = channel(null);
        assertThatThrownBy(() -> channel.writeInbound(ascii("AVANTAGE MAINTCP DENIED source address not allowed\r\n")))
                .isInstanceOf(DecoderException.class).hasCauseInstanceOf(ConnectionDeniedException.class)
                .hasMessageContaining("source address not allowed");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void anotherServerIsNotTakenForAvantage() {
        EmbeddedChannel channel = channel(null);
        assertThatThrownBy(() -> channel.writeInbound(ascii("HTTP/1.1 400 Bad Request\r\n")))
                .isInstanceOf(DecoderException.class).hasCauseInstanceOf(NotAvantageServerException.class)
                .hasMessageContaining("HTTP/1.1 400");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aRequestHeldForTheGreetingFailsWithTheRefusalNotWithTheHangUp() {
        EmbeddedChannel channel = channel(null);
        ChannelFuture held = channel.writeAndFlush(mapper.createObjectNode().put("id", 1).put("op", "PING"));
        assertThat(held.isDone()).isFalse();

        // a server that is not Avantage writes a line and hangs up: Netty may report the close first
        assertThatThrownBy(() -> channel.writeInbound(ascii("SSH-2.0-OpenSSH_9.2\r\n"))).isInstanceOf(DecoderException.class);
        channel.runPendingTasks();

        assertThat(held.isDone()).isTrue();
        assertThat(held.cause()).isInstanceOf(NotAvantageServerException.class).hasMessageContaining("SSH-2.0");
    }

    @Test
    void anEncryptingServerWithoutAKeyIsAClearError() {
        EmbeddedChannel channel = channel(null);
        assertThatThrownBy(() -> channel.writeInbound(ascii("AVANTAGE MAINTCP 7.40 READY ENC=AES256GCM\r\n")))
                .hasMessageContaining("has no encryption key");
    }

    @Test
    void greetingLineParsing() {
        assertThat(Greeting.parse("AVANTAGE MAINTCP 7.40 READY ENC=AES256GCM"))
                .isEqualTo(new Greeting("7.40", Greeting.Encryption.AES256GCM));
        assertThatThrownBy(() -> Greeting.parse("AVANTAGE MAINTCP 7.40 READY ENC=RC4"))
                .isInstanceOf(NotAvantageServerException.class);
    }
}
