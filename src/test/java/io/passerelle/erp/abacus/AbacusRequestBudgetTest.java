package io.passerelle.erp.abacus;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.SandboxTest;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionService;
import io.passerelle.erp.http.RequestBudgets;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.abacus.AbacusSimulator;
import io.passerelle.sandbox.abacus.AbacusSimulatorProperties;
import io.passerelle.sync.SyncLauncher;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A connection paces its calls to the Abacus quota its option sets, before Abacus says 429: a simulator that allows
 * 20 calls in any 5 s (a short "minute", so that the test need not wait real ones), a budget of 20 per 5.5 s (the
 * same margin as in production, scaled), and a sync that needs more than 30 calls.
 */
@SandboxTest
@TestPropertySource(properties = "passerelle.rest.request-budget.window=5500ms")
class AbacusRequestBudgetTest {

    private static final int LIMIT = 20;

    @Autowired
    SyncLauncher launcher;
    @Autowired
    AbacusSimulator sandbox;
    @Autowired
    ConnectionDirectory connections;
    @Autowired
    ConnectionService connectionService;

    @Test
    void aSyncAboveTheQuotaSlowsDownInsteadOfEarning429sAndReadsEveryRecord() {
        AbacusSimulator limited = new AbacusSimulator(AbacusSimulatorProperties.defaults()).start();
        try {
            limited.dataset().addEmployees(2880);
            limited.rateLimit().set(LIMIT, Duration.ofSeconds(5));
            Connection base = connections.find(AbacusSyncTest.CONNECTION).orElseThrow();
            Map<String, Object> options = new HashMap<>(base.options());
            // the connection's limit, far below Abacus's default of 400 that would earn 429s here
            options.put(RequestBudgets.OPTION, LIMIT);
            connectionService.create(new ConnectionDocument("budget-abacus",
                    new ConnectionDocument.CompanyDocument("ALPBAU-BUDGET", "Alpbau (rate-limited)"), "abacus",
                    List.of(new ConnectionDocument.EndpointDocument("main", limited.url(), true)),
                    new HashMap<>(base.credentials()), Map.of(), options, "abacus-test", false));

            List<RunView> runs = launcher.runAndWait("budget-abacus", "all", Trigger.API, SyncMode.FULL);

            assertThat(runs).hasSize(3).allSatisfy(run ->
                    assertThat(run.status()).as(run.flow() + ": " + run.message()).isEqualTo("SUCCEEDED"));
            RunView employees = runs.stream().filter(run -> run.flow().equals("employees")).findFirst().orElseThrow();
            assertThat(employees.counts()).containsEntry("read", 3000);
            assertThat(limited.counters().totalRequests()).as("more calls than one window allows").isGreaterThan(LIMIT + 10L);
            assertThat(limited.counters().events(AbacusSimulator.TOO_MANY_REQUESTS)).as("429s").isZero();
            assertThat(limited.rateLimit().refusals()).isEmpty();
        } finally {
            limited.stop();
        }
    }
}
