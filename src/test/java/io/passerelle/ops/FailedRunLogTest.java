package io.passerelle.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.SandboxTest;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionService;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sync.SyncLauncher;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A run that fails on its transport leaves one WARN line naming the run, its connection, its flow and the
 * reason, and no stack dump: neither Camel's (the transport route's error handler) nor ours.
 */
@SandboxTest
@ExtendWith(OutputCaptureExtension.class)
class FailedRunLogTest {

    static final String BAD_CONNECTION = "ops-bad-credentials";

    @Autowired
    ConnectionService connections;
    @Autowired
    SyncLauncher launcher;

    @AfterEach
    void forgetTheBadConnection() {
        if (connections.exists(BAD_CONNECTION)) {
            connections.delete(BAD_CONNECTION, "test");
        }
    }

    @Test
    void aWrongEncryptionKeyIsOneLineWithTheRunId(CapturedOutput output) {
        String otherKey = Base64.getEncoder().encodeToString("thirty-two bytes of another key!".getBytes());
        badConnection(Map.of("encryptionKey", otherKey));

        String log = failedRunLog(output, "encryption key rejected");

        assertThat(log).doesNotContain(otherKey);
    }

    @Test
    void aWrongPasswordIsOneLineWithTheRunId(CapturedOutput output) {
        badConnection(Map.of("password", "wrong-Secret-42"));

        String log = failedRunLog(output, "AUTH_FAILED");

        assertThat(log).doesNotContain("wrong-Secret-42");
    }

    /** Runs the employees flow of the bad connection; answers what it logged, after checking the one line. */
    private String failedRunLog(CapturedOutput output, String words) {
        int before = output.getAll().length();

        RunView run = launcher.runAndWait(BAD_CONNECTION, "employees", Trigger.API, SyncMode.INCREMENTAL).get(0);

        assertThat(run.status()).isEqualTo("FAILED");
        String log = output.getAll().substring(before);
        List<String> aboutTheRun = log.lines().filter(line -> line.contains("run " + run.id() + " ")).toList();
        assertThat(aboutTheRun).singleElement().satisfies(line -> assertThat(line)
                .contains(" WARN ")
                .contains("run " + run.id() + " " + BAD_CONNECTION + " employees FAILED: ")
                .contains(words));
        assertThat(log).as("no stack dump at INFO")
                .doesNotContain("\tat ")
                .doesNotContain("DefaultErrorHandler")
                .doesNotContain("Exception:");
        return log;
    }

    private void badConnection(Map<String, String> wrong) {
        Connection sandbox = connections.get("sandbox-avantage");
        Map<String, String> credentials = new HashMap<>(sandbox.credentials());
        credentials.putAll(wrong);
        connections.create(new ConnectionDocument(BAD_CONNECTION,
                new ConnectionDocument.CompanyDocument(sandbox.company().code(), sandbox.company().name()),
                sandbox.erp(),
                List.of(new ConnectionDocument.EndpointDocument("main", sandbox.defaultEndpoint().url(), true)),
                credentials, Map.of(), Map.of(), "ops-test", false));
    }
}
