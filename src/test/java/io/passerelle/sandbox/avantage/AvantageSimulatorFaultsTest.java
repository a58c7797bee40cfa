package io.passerelle.sandbox.avantage;

import static io.passerelle.sandbox.avantage.AvantageSimulatorProtocolTest.req;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The misbehaviours other engineers' client tests rely on. */
class AvantageSimulatorFaultsTest {

    private AvantageSimulator sim;

    @BeforeEach
    void start() {
        sim = new AvantageSimulator(AvantageSimulatorProperties.defaults().withEncryptionKey(null)).start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void busyNextAnswersBusyWithRetryAfterThenRecovers() throws IOException {
        sim.faults().busyNext(2, 75);
        try (MainTcpTestClient c = MainTcpTestClient.greeted(sim)) {
            for (int i = 0; i < 2; i++) {
                JsonNode r = c.call(req("op", "PING"));
                assertThat(r.at("/error/code").asText()).isEqualTo("BUSY");
                assertThat(r.at("/error/retryAfterMs").asLong()).isEqualTo(75);
            }
            assertThat(c.call(req("op", "PING")).get("ok").asBoolean()).isTrue();
        }
        assertThat(sim.counters().busyAnswers()).isEqualTo(2);
    }

    @Test
    void denyWritesTheDeniedLineAndCloses() throws IOException {
        sim.faults().deny("source 10.1.2.3 not allowed");
        try (MainTcpTestClient c = new MainTcpTestClient(sim.port(), null)) {
            assertThat(c.readLine()).isEqualTo("AVANTAGE MAINTCP DENIED source 10.1.2.3 not allowed");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void garbageGreetingLooksLikeAWebServer() throws IOException {
        sim.faults().garbageGreeting(true);
        try (MainTcpTestClient c = new MainTcpTestClient(sim.port(), null)) {
            assertThat(c.readAllUntilClose()).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void silentAcceptsAndNeverGreets() throws IOException {
        sim.faults().silent(true);
        try (MainTcpTestClient c = new MainTcpTestClient(sim.port(), null)) {
            assertThat(c.closedByServer()).isFalse();
        }
        assertThat(sim.counters().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void oversizedFrameNextAnnouncesMoreThanSixteenMebibytes() throws IOException {
        try (MainTcpTestClient c = MainTcpTestClient.greeted(sim)) {
            sim.faults().oversizedFrameNext();
            c.send(req("op", "PING"));
            assertThat(c.readLength()).isGreaterThan(16L * 1024 * 1024);
        }
    }

    @Test
    void dropAfterStoreKeepsTheLinesAndTheBatchAnswer() throws IOException {
        Map<String, Object> line = req("lineId", "D-1", "employee", sim.dataset().employees().get(3).number(),
                "project", "P-1010", "date", "2025-06-02", "hours", 8, "hourType", "REG");
        sim.faults().dropAfterStoreNext();
        try (MainTcpTestClient c = MainTcpTestClient.greeted(sim)) {
            String token = c.login();
            c.send(req("op", "POST_TIMESHEETS", "token", token, "batchId", "B-D", "lines", List.of(line)));
            assertThat(c.closedByServer()).isTrue();
            assertThat(sim.postedLines()).extracting(TimesheetLine::lineId).containsExactly("D-1");
        }
        try (MainTcpTestClient c = MainTcpTestClient.greeted(sim)) {
            String token = c.login();
            JsonNode r = c.call(req("op", "POST_TIMESHEETS", "token", token, "batchId", "B-D", "lines", List.of(line)));
            assertThat(r.get("accepted").asInt()).isEqualTo(1);
            JsonNode read = c.call(req("op", "GET_TIMESHEET_LINES", "token", token, "lineIds", List.of("D-1")));
            assertThat(read.get("lines")).hasSize(1);
        }
    }

    @Test
    void malformedItemsAreServedOnceAheadOfTheRealOnes() throws IOException {
        sim.faults().malformedItemsNext(AvantageEntity.PROJECT, 2);
        try (MainTcpTestClient c = MainTcpTestClient.greeted(sim)) {
            String token = c.login();
            JsonNode first = c.call(req("op", "LIST", "token", token, "entity", "PROJECT", "limit", 10));
            assertThat(first.get("items")).hasSize(12);
            assertThat(first.at("/items/0").has("number")).isFalse();
            assertThat(first.at("/items/0/modifiedAt").asText()).isNotEmpty();
            assertThat(first.at("/items/2/number").asText()).isNotEmpty();
            JsonNode second = c.call(req("op", "LIST", "token", token, "entity", "PROJECT", "limit", 10,
                    "after", first.get("next").asText()));
            assertThat(second.get("items")).hasSize(10);
        }
    }

    @Test
    void injectedItemsAndExtraFields() throws IOException {
        sim.faults().injectItemsNext(AvantageEntity.EMPLOYEE, "{\"number\": 42, \"firstName\": null}")
                .extraFields(true);
        try (MainTcpTestClient c = MainTcpTestClient.greeted(sim)) {
            String token = c.login();
            JsonNode r = c.call(req("op", "LIST", "token", token, "entity", "EMPLOYEE", "limit", 3));
            assertThat(r.at("/items/0/number").isInt()).isTrue();
            assertThat(r.at("/items/1/codeInterne").asText()).startsWith("AV-");
        }
    }

    @Test
    void resetClearsFaults() throws IOException {
        sim.faults().deny("x").silent(true).busyNext(5);
        sim.reset();
        try (MainTcpTestClient c = MainTcpTestClient.greeted(sim)) {
            assertThat(c.call(req("op", "PING")).get("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void closeAllConnectionsCutsClientsButKeepsListening() throws IOException {
        try (MainTcpTestClient c = MainTcpTestClient.greeted(sim)) {
            sim.closeAllConnections();
            assertThat(c.closedByServer()).isTrue();
        }
        try (MainTcpTestClient c = MainTcpTestClient.greeted(sim)) {
            assertThat(c.call(req("op", "PING")).get("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void stoppedSimulatorHasNoPort() {
        sim.stop();
        assertThatThrownBy(sim::port).isInstanceOf(IllegalStateException.class);
    }
}
