package io.passerelle.erp.avantage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.SandboxTest;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.Endpoint;
import io.passerelle.run.Futures;
import io.passerelle.run.RunErrorView;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.avantage.AvantageEntity;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sync.SyncLauncher;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Avantage connector against a misbehaving server: out-of-order answers, expired tokens, BUSY,
 * bad frames and bad records, and each way a connection test can fail, told apart in words.
 */
@SandboxTest
class AvantageConnectorTest {

    static final String CONNECTION = "sandbox-avantage";

    @Autowired
    AvantageSimulator simulator;
    @Autowired
    AvantageModule connector;
    @Autowired
    AvantageTransports transports;
    @Autowired
    ConnectionDirectory connections;
    @Autowired
    SyncLauncher launcher;
    @Autowired
    RunHistory history;
    @Autowired
    ObjectMapper mapper;

    @AfterEach
    void wellBehavedAgain() {
        simulator.faults().reset();
    }

    Connection sandbox() {
        return connections.find(CONNECTION).orElseThrow();
    }

    Connection withCredentials(Map<String, String> changes) {
        Connection c = sandbox();
        Map<String, String> credentials = new HashMap<>(c.credentials());
        credentials.putAll(changes);
        return new Connection(c.id(), c.company(), c.erp(), c.endpoints(), credentials, c.schedules(), c.options(),
                c.owner(), c.allowOthersToEdit(), c.createdAt(), c.updatedAt());
    }

    ConnectionTestResult test(Connection connection) {
        return connector.test(connection, connection.defaultEndpoint());
    }

    @Test
    void aHealthyServerPassesTheTestAndNamesTheCompany() {
        ConnectionTestResult result = test(sandbox());
        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.details()).containsEntry("result", "ok");
        assertThat(result.details().get("company").toString()).contains("BOREAL");
    }

    @Test
    void refusedWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Endpoint nowhere = new Endpoint("nowhere", "tcp://127.0.0.1:" + closedPort, false);
        ConnectionTestResult result = connector.test(sandbox(), nowhere);
        assertThat(result.ok()).isFalse();
        assertThat(result.details()).containsEntry("result", "refused");
        assertThat(result.message()).contains("connection refused");
    }

    @Test
    void timedOutWhenThePortIsOpenButNobodyGreets() {
        simulator.faults().silent(true);
        ConnectionTestResult result = test(sandbox());
        assertThat(result.details()).containsEntry("result", "timed-out");
        assertThat(result.message()).contains("no Avantage greeting");
    }

    @Test
    void notAvantageWhenSomethingElseAnswers() {
        simulator.faults().garbageGreeting(true);
        ConnectionTestResult result = test(sandbox());
        assertThat(result.details()).containsEntry("result", "not-avantage");
        assertThat(result.message()).startsWith("not an Avantage server");
    }

    @Test
    void deniedWithTheServersReason() {
        simulator.faults().deny("address 203.0.113.9 not allowed");
        ConnectionTestResult result = test(sandbox());
        assertThat(result.details()).containsEntry("result", "denied");
        assertThat(result.message()).contains("address 203.0.113.9 not allowed");
    }

    @Test
    void badCredentialsWithoutEchoingThePassword() {
        ConnectionTestResult result = test(withCredentials(Map.of("password", "wrong-Secret-42")));
        assertThat(result.details()).containsEntry("result", "bad-credentials");
        assertThat(result.toString()).doesNotContain("wrong-Secret-42");
    }

    @Test
    void anotherEncryptionKeyIsRejected() {
        String otherKey = Base64.getEncoder().encodeToString("thirty-two bytes of another key!".getBytes());
        ConnectionTestResult result = test(withCredentials(Map.of("encryptionKey", otherKey)));
        assertThat(result.details()).containsEntry("result", "encryption-key-rejected");
        assertThat(result.toString()).doesNotContain(otherKey);
    }

    @Test
    void pipelinedRequestsGetTheirOwnAnswersWhenTheyComeBackOutOfOrder() {
        simulator.faults().reorderResponses(true);
        AvantageSession session = transports.session(sandbox(), transports.forConnection(sandbox()));
        session.login();
        Map<AvantageEntity, String> fieldOnlyThisEntityHas = Map.of(
                AvantageEntity.PROJECT, "status", AvantageEntity.EMPLOYEE, "firstName", AvantageEntity.TRADE, "rates",
                AvantageEntity.ACTIVITY, "budgetHours", AvantageEntity.EARNING, "kind", AvantageEntity.HOUR_TYPE, "multiplier");
        ConcurrentLinkedQueue<AvantageEntity> arrival = new ConcurrentLinkedQueue<>();
        List<AvantageEntity> sent = new ArrayList<>(fieldOnlyThisEntityHas.keySet());
        List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
        for (AvantageEntity entity : sent) {
            answers.add(session.call("LIST", mapper.createObjectNode().put("entity", entity.name()).put("limit", 3))
                    .whenComplete((answer, failure) -> arrival.add(entity)));
        }
        for (int i = 0; i < sent.size(); i++) {
            JsonNode items = Futures.join(answers.get(i)).get("items");
            assertThat(items).isNotEmpty();
            AvantageEntity entity = sent.get(i);
            String field = fieldOnlyThisEntityHas.get(entity);
            assertThat(items).allSatisfy(item -> assertThat(item.has(field)).as(entity + " has " + field).isTrue());
        }
        assertThat(new ArrayList<>(arrival)).as("answers arrived out of order").isNotEqualTo(sent);
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheRequestRepeated() {
        AvantageSession session = transports.session(sandbox(), transports.forConnection(sandbox()));
        session.login();
        long loginsBefore = simulator.counters().requests("LOGIN");
        simulator.expireAllTokens();
        JsonNode answer = Futures.join(session.call("LIST", mapper.createObjectNode().put("entity", "TRADE")));
        assertThat(answer.get("items")).isNotEmpty();
        assertThat(simulator.counters().requests("LOGIN")).isEqualTo(loginsBefore + 1);
    }

    @Test
    void busyAnswersAreWaitedOutAndTheRunSucceeds() {
        long busyBefore = simulator.counters().busyAnswers();
        simulator.faults().busyNext(2, 20);
        RunView run = runProjects(SyncMode.FULL);
        assertThat(run.status()).as(run.message()).isEqualTo("SUCCEEDED");
        assertThat(simulator.counters().busyAnswers()).isEqualTo(busyBefore + 2);
    }

    @Test
    void anOversizedFrameFailsTheRunInWordsAndTheNextRunRecovers() {
        runProjects(SyncMode.FULL);
        simulator.faults().oversizedFrameNext();
        RunView failed = runProjects(SyncMode.FULL);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.message()).contains("frame length").contains("outside 1..16777216");

        RunView recovered = runProjects(SyncMode.FULL);
        int held = simulator.dataset().count(AvantageEntity.PROJECT);
        assertThat(recovered.status()).isEqualTo("SUCCEEDED");
        assertThat(recovered.counts()).containsEntry("unchanged", held);
    }

    @Test
    void recordsWithoutAKeyAreRejectedByNameAndTheRestOfThePageIsWritten() {
        runProjects(SyncMode.FULL);
        simulator.faults().malformedItemsNext(AvantageEntity.PROJECT, 2);
        RunView run = runProjects(SyncMode.FULL);
        int held = simulator.dataset().count(AvantageEntity.PROJECT);
        assertThat(run.status()).isEqualTo("PARTIAL");
        assertThat(run.counts()).containsEntry("read", held + 2).containsEntry("rejected", 2).containsEntry("unchanged", held);
        List<RunErrorView> errors = history.errors(run.id());
        assertThat(errors).hasSize(2).allSatisfy(error -> {
            assertThat(error.code()).isEqualTo("MISSING_FIELD");
            assertThat(error.message()).isEqualTo("field 'number' is missing or blank");
            assertThat(error.payload()).isNotBlank();
        });
    }

    @Test
    void aRecordWithAWrongTypeNamesTheFieldAndTheOthersAreKept() {
        simulator.faults().injectItemsNext(AvantageEntity.HOUR_TYPE,
                "{\"code\":\"XX\",\"description\":\"Bad\",\"multiplier\":\"beaucoup\",\"modifiedAt\":\"2026-01-01T00:00:00Z\"}",
                "{\"code\":\"YY\",\"description\":\"No date\"}");
        RunView run = launcher.runAndWait(CONNECTION, "hourTypes", Trigger.API, SyncMode.FULL).get(0);
        assertThat(run.counts()).containsEntry("rejected", 2);
        assertThat(history.errors(run.id())).extracting(RunErrorView::remoteKey, RunErrorView::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("XX", "field 'multiplier' is not a number: 'beaucoup'"),
                org.assertj.core.groups.Tuple.tuple("YY", "field 'modifiedAt' is missing or blank"));
    }

    private RunView runProjects(SyncMode mode) {
        return launcher.runAndWait(CONNECTION, "projects", Trigger.API, mode).get(0);
    }
}
