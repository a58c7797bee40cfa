package io.passerelle.erp.sevenoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.SandboxTest;
import io.passerelle.connection.Company;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.Endpoint;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.sevenoffice.SevenOfficeDataset;
import io.passerelle.sandbox.sevenoffice.SevenOfficeSimulator;
import io.passerelle.sandbox.sevenoffice.SevenOfficeSimulatorProperties;
import io.passerelle.sync.SyncLauncher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The 24SevenOffice connector against the sandbox simulator: its connection test's words, and customers in. */
@SandboxTest
class SevenOfficeConnectorTest {

    @Autowired
    SevenOfficeModule module;
    @Autowired
    SevenOfficeSimulator simulator;
    @Autowired
    ConnectionService connections;
    @Autowired
    SyncLauncher sync;

    @AfterEach
    void wellBehavedAgain() {
        simulator.reset();
    }

    private Connection connection(String clientId, String secret, Object organizations) {
        return new Connection("so-test", new Company("FJORD", "Fjordbygg AS"), SevenOfficeModule.ERP,
                List.of(new Endpoint("main", simulator.apiUrl(), true)), Map.of("clientId", clientId, "clientSecret", secret),
                Map.of(), Map.of("organizations", organizations, "tokenUrl", simulator.tokenUrl()), "test", false,
                Instant.now(), Instant.now());
    }

    private ConnectionTestResult test(Connection connection) {
        return module.test(connection, connection.defaultEndpoint());
    }

    @Test
    void theTestReachesEachOrganizationAndNamesTheSecretTheOrganizationAndTheScope() {
        ConnectionTestResult ok = test(connection(SevenOfficeSimulatorProperties.CLIENT_A, SevenOfficeSimulatorProperties.SECRET_A,
                List.of(4711, 4712)));
        assertThat(ok.ok()).as(ok.message()).isTrue();
        assertThat(ok.message()).contains("Fjordbygg AS (4711)").contains("(4712)");

        ConnectionTestResult secret = test(connection(SevenOfficeSimulatorProperties.CLIENT_A, "wrong", List.of(4711)));
        assertThat(secret.ok()).isFalse();
        assertThat(secret.details()).containsEntry("result", "bad-credentials");
        assertThat(secret.message()).contains("refused the client id or secret").doesNotContain("wrong");

        ConnectionTestResult notConnected = test(connection(SevenOfficeSimulatorProperties.CLIENT_B,
                SevenOfficeSimulatorProperties.SECRET_B, List.of(4712)));
        assertThat(notConnected.details()).containsEntry("result", "organization-not-connected");
        assertThat(notConnected.message()).startsWith("organization 4712 is not connected to this client");

        ConnectionTestResult scope = test(connection(SevenOfficeSimulatorProperties.CLIENT_C,
                SevenOfficeSimulatorProperties.SECRET_C, "4711"));
        assertThat(scope.details()).containsEntry("result", "missing-scope");
        assertThat(scope.message()).isEqualTo("organization 4711: scope api.crm.customer:read is missing: flow customers needs it");
    }

    @Test
    void theBootstrappedSandboxConnectionImportsItsOrganizationsCustomers() {
        RunView run = sync.runAndWait("sandbox-24sevenoffice", "customers", Trigger.API, SyncMode.INCREMENTAL).get(0);
        assertThat(run.status()).as(run.message()).isEqualTo("SUCCEEDED");
        assertThat(run.counts().get("created") + run.counts().get("updated") + run.counts().get("unchanged"))
                .isEqualTo(simulator.dataset().customers(SevenOfficeDataset.FJORDBYGG).size());
    }

    @Test
    void customersComeInOnceATrailingBlankIsAnUpdateAnd429sAreWaitedOut() {
        connections.create(new ConnectionDocument("so-fjordbygg", new ConnectionDocument.CompanyDocument("FJORD", "Fjordbygg AS"),
                SevenOfficeModule.ERP, List.of(new ConnectionDocument.EndpointDocument("main", simulator.apiUrl(), true)),
                Map.of("clientId", SevenOfficeSimulatorProperties.CLIENT_A, "clientSecret", SevenOfficeSimulatorProperties.SECRET_A),
                Map.of(), Map.of("organizations", List.of(4711), "tokenUrl", simulator.tokenUrl()), "test", false));
        try {
            simulator.faults().tooManyRequestsEvery(3, Duration.ZERO);
            RunView first = sync.runAndWait("so-fjordbygg", "customers", Trigger.API, SyncMode.FULL).get(0);
            assertThat(first.status()).as(first.message()).isEqualTo("SUCCEEDED");
            int held = simulator.dataset().customers(SevenOfficeDataset.FJORDBYGG).size();
            // the sandbox connection may have brought organization 4711 already: its customers are then linked, not made
            assertThat(first.counts()).containsEntry("read", held);
            assertThat(first.counts().get("created") + first.counts().get("updated")).isEqualTo(held);
            assertThat(first.company().erpCompanyId()).isEqualTo("4711");
            assertThat(first.company().name()).isEqualTo("Fjordbygg AS");

            RunView again = sync.runAndWait("so-fjordbygg", "customers", Trigger.API, SyncMode.INCREMENTAL).get(0);
            assertThat(again.status()).as(again.message()).isEqualTo("SUCCEEDED");
            assertThat(again.counts()).containsEntry("created", 0).containsEntry("updated", 0);

            String name = simulator.dataset().customer(SevenOfficeDataset.FJORDBYGG, 10005).path("name").asText();
            simulator.dataset().modify(SevenOfficeDataset.FJORDBYGG, 10005, "name", name + " ");
            RunView changed = sync.runAndWait("so-fjordbygg", "customers", Trigger.API, SyncMode.INCREMENTAL).get(0);
            assertThat(changed.counts()).as(changed.message()).containsEntry("updated", 1).containsEntry("created", 0);
        } finally {
            connections.delete("so-fjordbygg", "test");
        }
    }
}
