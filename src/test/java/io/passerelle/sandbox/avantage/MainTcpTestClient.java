package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.erp.avantage.codec.FrameCipher;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberately plain MainTCP client over java.net.Socket, so the simulator is checked against the
 * spec rather than against the production codec. Every read has a socket timeout: nothing waits forever.
 */
final class MainTcpTestClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int READ_TIMEOUT_MS = 5000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final FrameCipher cipher;
    private final AtomicLong ids = new AtomicLong();

    MainTcpTestClient(int port, String base64Key) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        cipher = base64Key == null ? null : FrameCipher.fromBase64Key(base64Key);
    }

    /** Connects with the simulator's own key (if it encrypts) and reads the greeting. */
    static MainTcpTestClient greeted(AvantageSimulator sim) throws IOException {
        MainTcpTestClient client = new MainTcpTestClient(sim.port(),
                sim.encrypted() ? sim.properties().encryptionKey() : null);
        String greeting = client.readLine();
        if (!greeting.equals(sim.greeting())) {
            client.close();
            throw new IllegalStateException("unexpected greeting " + greeting);
        }
        return client;
    }

    /** Reads one CR LF terminated ASCII line (without the CR LF). */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed before end of line: " + line.toString(StandardCharsets.US_ASCII));
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
            }
            line.write(b);
            previous = b;
        }
    }

    /** Everything the server sends until it closes (for greetings that are not greetings). */
    String readAllUntilClose() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** Sends a request, adding a fresh id unless it has one; returns the id. */
    long send(Map<String, ?> request) throws IOException {
        ObjectNode node = JSON.valueToTree(request);
        if (!node.has("id")) {
            node.put("id", nextId());
        }
        sendPayload(JSON.writeValueAsBytes(node));
        return node.get("id").asLong();
    }

    void sendPayload(byte[] json) throws IOException {
        byte[] payload = cipher == null ? json : cipher.encrypt(json);
        sendFrame(payload);
    }

    void sendFrame(byte[] payload) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(payload.length).array());
        out.write(payload);
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads the announced length of the next frame without its payload. */
    long readLength() throws IOException {
        return Integer.toUnsignedLong(in.readInt());
    }

    JsonNode receive() throws IOException {
        long length = readLength();
        if (length == 0 || length > 16L * 1024 * 1024) {
            throw new IOException("bad frame length " + length);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        byte[] json = cipher == null ? payload : cipher.decrypt(payload);
        return JSON.readTree(json);
    }

    JsonNode call(Map<String, ?> request) throws IOException {
        long id = send(request);
        JsonNode response = receive();
        if (response.get("id").asLong() != id) {
            throw new IllegalStateException("response for id " + response.get("id") + ", expected " + id);
        }
        return response;
    }

    String login() throws IOException {
        JsonNode r = call(Map.of("op", "LOGIN", "user", "integration", "password", "sandbox"));
        if (!r.path("ok").asBoolean()) {
            throw new IllegalStateException("login failed: " + r);
        }
        return r.get("token").asText();
    }

    /** True when the server closes the connection (EOF or reset) before the read timeout. */
    boolean closedByServer() throws IOException {
        try {
            InputStream raw = in;
            while (raw.read() >= 0) {
                // drain anything still in flight before the close
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
