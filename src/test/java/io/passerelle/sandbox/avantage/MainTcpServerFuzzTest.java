package io.passerelle.sandbox.avantage;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.passerelle.erp.avantage.codec.FrameCipher;
import io.passerelle.fuzz.FuzzedStream;
import io.passerelle.fuzz.TrackingAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * The simulator's side of MainTCP (frame decoder, connection, request dispatcher) on whatever a client sends:
 * every well-formed frame gets exactly one answer, which is a JSON object and never an INTERNAL error (that would
 * be an exception escaping the dispatcher); a frame length out of range closes the connection; every buffer is
 * released and nothing a length prefix announces is allocated.
 * <p>
 * Input: byte 0 bit 0 makes the server encrypt, bit 1 sends the rest as raw bytes instead of {@link FuzzedStream}
 * records (each framed, and sealed when encrypting, by the test, with {@code $TOKEN} replaced by a live token);
 * byte 1 is the size of the reads the stream is cut into (0: one read).
 * Regression inputs: MainTcpServerFuzzTestInputs/clientBytes/.
 */
@Tag("fuzz")
class MainTcpServerFuzzTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final FrameCipher CIPHER = FrameCipher.fromBase64Key(KEY);
    static final ObjectMapper JSON = AvantageSimulator.protocolJson();
    static final TokenRegistry TOKENS = new TokenRegistry(Duration.ofHours(1), Clock.systemUTC());
    static final DatasetSizes SMALL = new DatasetSizes(4, 2, 1, 3);

    @FuzzTest(maxDuration = "2m")
    void clientBytes(byte[] input) throws Exception {
        if (input.length < 2) {
            return;
        }
        boolean encrypted = (input[0] & 0b1) != 0;
        boolean raw = (input[0] & 0b10) != 0;
        FrameCipher cipher = encrypted ? CIPHER : null;
        String token = TOKENS.issue();
        int wellFormed = 0;
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        if (raw) {
            stream.writeBytes(Arrays.copyOfRange(input, 2, input.length));
        } else {
            for (FuzzedStream.Part part : FuzzedStream.parts(input, 2)) {
                if (part.raw()) {
                    stream.writeBytes(part.bytes());
                    wellFormed = Integer.MIN_VALUE; // no count to check once the stream is torn
                    continue;
                }
                byte[] payload = new String(part.bytes(), StandardCharsets.UTF_8).replace("$TOKEN", token)
                        .getBytes(StandardCharsets.UTF_8);
                if (payload.length == 0 && cipher == null) {
                    wellFormed = Integer.MIN_VALUE; // a zero length closes the connection
                }
                byte[] sealed = cipher == null ? payload : cipher.encrypt(payload);
                stream.writeBytes(new byte[] {(byte) (sealed.length >>> 24), (byte) (sealed.length >>> 16),
                        (byte) (sealed.length >>> 8), (byte) sealed.length});
                stream.writeBytes(sealed);
                wellFormed++;
            }
        }

        Faults faults = new Faults();
        SimulatorCounters counters = new SimulatorCounters();
        RequestDispatcher dispatcher = new RequestDispatcher(new AvantageDataset(7, SMALL), TOKENS, faults, counters,
                "integration", "sandbox", JSON, Clock.systemUTC());
        TrackingAllocator allocator = new TrackingAllocator();
        EmbeddedChannel channel = new EmbeddedChannel(false, false, new MainTcpFrameDecoder(counters),
                new MainTcpConnection(dispatcher, faults, counters, cipher, ImmediateEventExecutor.INSTANCE, JSON,
                        "AVANTAGE MAINTCP 7.40 READY ENC=" + (encrypted ? "AES256GCM" : "NONE")));
        channel.config().setAllocator(allocator);
        channel.register();

        for (byte[] read : FuzzedStream.reads(stream.toByteArray(), input[1] & 0xFF)) {
            if (!channel.isOpen()) {
                break;
            }
            channel.writeInbound(allocator.buffer(read.length).writeBytes(read));
            channel.runPendingTasks();
        }
        channel.runPendingTasks();
        List<JsonNode> answers = answers(channel, cipher);
        channel.finishAndReleaseAll();

        for (JsonNode answer : answers) {
            assertThat(answer.isObject()).as("answer %s", answer).isTrue();
            assertThat(answer.path("ok").isBoolean()).as("ok in %s", answer).isTrue();
            if (!answer.get("ok").booleanValue()) {
                assertThat(answer.path("error").path("code").asText()).as("error code in %s", answer)
                        .isIn(Arrays.stream(ErrorCode.values()).map(Enum::name).toList())
                        .isNotEqualTo(ErrorCode.INTERNAL.name());
            }
        }
        if (wellFormed > 0) {
            assertThat(answers).as("one answer per well-formed frame").hasSize(wellFormed);
        }
        assertThat(allocator.unreleased()).as("buffers not released").isZero();
        assertThat(allocator.largest()).as("largest allocation").isLessThanOrEqualTo(4 + (int) MainTcpFrameDecoder.MAX_FRAME);
    }

    /** The greeting line, then each response frame opened and parsed; every outbound buffer released. */
    private static List<JsonNode> answers(EmbeddedChannel channel, FrameCipher cipher) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        boolean greeting = true;
        for (Object sent = channel.readOutbound(); sent != null; sent = channel.readOutbound()) {
            ByteBuf buffer = (ByteBuf) sent;
            try {
                if (greeting) {
                    assertThat(buffer.toString(StandardCharsets.US_ASCII)).startsWith("AVANTAGE MAINTCP ").endsWith("\r\n");
                    greeting = false;
                    continue;
                }
                long length = buffer.readUnsignedInt();
                assertThat(length).as("frame length").isEqualTo(buffer.readableBytes());
                byte[] payload = ByteBufUtil.getBytes(buffer);
                answers.add(JSON.readTree(cipher == null ? payload : cipher.decrypt(payload)));
            } finally {
                buffer.release();
            }
        }
        return answers;
    }
}
