package io.passerelle.sandbox.avantage;

import static io.passerelle.sandbox.avantage.AvantageSimulatorProtocolTest.req;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.erp.avantage.codec.FrameCipher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvantageSimulatorEncryptionTest {

    private AvantageSimulator sim;

    @BeforeEach
    void start() {
        sim = new AvantageSimulator(AvantageSimulatorProperties.defaults()).start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void greetsWithAes256Gcm() {
        assertThat(sim.greeting()).isEqualTo("AVANTAGE MAINTCP 7.40 READY ENC=AES256GCM");
    }

    @Test
    void encryptedRoundTrip() throws IOException {
        try (MainTcpTestClient c = MainTcpTestClient.greeted(sim)) {
            String token = c.login();
            JsonNode r = c.call(req("op", "LIST", "token", token, "entity", "EMPLOYEE", "limit", 5));
            assertThat(r.get("items")).hasSize(5);
            // accents survive encryption and UTF-8
            JsonNode trades = c.call(req("op", "LIST", "token", token, "entity", "TRADE"));
            assertThat(trades.toString()).contains("Électricien");
        }
    }

    @Test
    void aFrameUnderAnotherKeyClosesTheConnection() throws IOException {
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        try (MainTcpTestClient c = new MainTcpTestClient(sim.port(), otherKey)) {
            assertThat(c.readLine()).endsWith("ENC=AES256GCM");
            c.sendPayload("{\"id\":1,\"op\":\"PING\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(sim.counters().framesRejected()).isEqualTo(1);
    }

    @Test
    void aTruncatedEncryptedFrameClosesTheConnection() throws IOException {
        try (MainTcpTestClient c = new MainTcpTestClient(sim.port(), null)) {
            c.readLine();
            c.sendFrame(new byte[] {1, 2, 3});
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void plaintextJsonOnAnEncryptedConnectionDoesNotAuthenticate() throws IOException {
        FrameCipher.fromBase64Key(sim.properties().encryptionKey());
        try (MainTcpTestClient c = new MainTcpTestClient(sim.port(), null)) {
            c.readLine();
            c.sendPayload("{\"id\":1,\"op\":\"PING\",\"padding\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}"
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
