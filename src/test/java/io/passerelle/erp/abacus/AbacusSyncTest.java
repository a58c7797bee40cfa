package io.passerelle.erp.abacus;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.SandboxTest;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.abacus.AbacusSet;
import io.passerelle.sandbox.abacus.AbacusSimulator;
import io.passerelle.sandbox.abacus.AbacusSimulatorProperties;
import io.passerelle.sync.SyncLauncher;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Employees, projects and service codes from the sandbox mandant, and a connection test that names the failed step. */
@SandboxTest
class AbacusSyncTest {

    static final String CONNECTION = "sandbox-abacus";
    static final Map<String, AbacusSet> FLOWS = Map.of("employees", AbacusSet.Employees, "projects", AbacusSet.Projects,
            "serviceCodes", AbacusSet.ServiceCodes);

    @Autowired
    SyncLauncher launcher;
    @Autowired
    AbacusSimulator simulator;
    @Autowired
    AbacusModule module;
    @Autowired
    ConnectionDirectory connections;
    @Autowired
    ConnectionService connectionService;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void wellBehavedAgain() {
        simulator.reset();
    }

    @Test
    void countsAreWhatTheMandantHoldsASecondRunIsUnchangedAndATrailingBlankIsAnUpdate() {
        Map<String, RunView> full = byFlow(launcher.runAndWait(CONNECTION, "all", Trigger.API, SyncMode.FULL));
        FLOWS.forEach((flow, set) -> {
            int held = simulator.dataset().list(set, any -> true).size();
            RunView run = full.get(flow);
            assertThat(run.status()).as(flow + ": " + run.message()).isEqualTo("SUCCEEDED");
            assertThat(run.counts()).as(flow).containsEntry("read", held).containsEntry("rejected", 0);
            assertThat(run.counts().get("created") + run.counts().get("updated") + run.counts().get("unchanged"))
                    .as(flow).isEqualTo(held);
        });
        assertThat(full.get("employees").counts()).containsEntry("read", 120);
        assertThat(full.get("projects").counts()).containsEntry("read", 25);
        assertThat(full.get("serviceCodes").counts()).containsEntry("read", 12);

        Map<String, RunView> again = byFlow(launcher.runAndWait(CONNECTION, "all", Trigger.API, SyncMode.INCREMENTAL));
        assertThat(again.values()).allSatisfy(run -> {
            assertThat(run.status()).as(run.flow() + ": " + run.message()).isEqualTo("SUCCEEDED");
            assertThat(run.counts()).as(run.flow()).containsEntry("created", 0).containsEntry("updated", 0);
        });
        long filtered = simulator.counters().requests("GET", "Employees");
        assertThat(filtered).as("incremental reads asked with the indexed timestamp").isPositive();

        String lastName = simulator.dataset().get(AbacusSet.Employees, 1042).path("LastName").asText();
        simulator.dataset().modify(AbacusSet.Employees, 1042, "LastName", lastName + " ");
        simulator.dataset().modify(AbacusSet.ServiceCodes, 140, "ServiceCode2", "ARMI");
        RunView employees = launcher.runAndWait(CONNECTION, "employees", Trigger.API, SyncMode.INCREMENTAL).get(0);
        assertThat(employees.counts()).as(employees.message()).containsEntry("updated", 1).containsEntry("created", 0);
        assertThat(jdbc.queryForObject("select e.last_name from employee e join company c on c.id = e.company_id"
                + " where c.code = 'ALPBAU' and e.number = '1042'", String.class))
                .isEqualTo(lastName + " ");
        RunView codes = launcher.runAndWait(CONNECTION, "serviceCodes", Trigger.API, SyncMode.INCREMENTAL).get(0);
        assertThat(codes.counts()).as("a second code lost its trailing blank: a custom field changed")
                .containsEntry("updated", 1).containsEntry("created", 0);
    }

    @Test
    void aServerWhoseTokensDieEveryFewCallsAndThatThrottlesStillGivesSucceededRuns() {
        AbacusSimulatorProperties sandbox = simulator.properties();
        AbacusSimulator flaky = new AbacusSimulator(new AbacusSimulatorProperties(true, 0, sandbox.clientId(),
                sandbox.clientSecret(), sandbox.mandant(), sandbox.scopes(), Duration.ofSeconds(600), 4, Duration.ZERO,
                3, Duration.ZERO, 0)).start();
        try {
            Connection base = connections.find(CONNECTION).orElseThrow();
            connectionService.create(new ConnectionDocument("flaky-abacus",
                    new ConnectionDocument.CompanyDocument("ALPBAU-FLAKY", "Alpbau (flaky server)"), "abacus",
                    List.of(new ConnectionDocument.EndpointDocument("main", flaky.url(), true)),
                    new HashMap<>(base.credentials()), Map.of(), new HashMap<>(base.options()), "abacus-test", false));
            for (int round = 0; round < 2; round++) {
                List<RunView> runs = launcher.runAndWait("flaky-abacus", "all", Trigger.API, SyncMode.FULL);
                assertThat(runs).hasSize(3).allSatisfy(run ->
                        assertThat(run.status()).as(run.flow() + ": " + run.message()).isEqualTo("SUCCEEDED"));
            }
            assertThat(flaky.counters().requests("POST", "oauth/token")).as("new tokens were fetched").isGreaterThan(2);
            assertThat(flaky.counters().events(AbacusSimulator.TOO_MANY_REQUESTS)).as("and 429s waited out").isPositive();
        } finally {
            flaky.stop();
        }
    }

    @Test
    void theTestNamesTheWrongMandantTheWrongSecretAndAMissingScope() {
        Connection sandbox = connections.find(CONNECTION).orElseThrow();
        ConnectionTestResult ok = module.test(sandbox, sandbox.defaultEndpoint());
        assertThat(ok.ok()).as(ok.message()).isTrue();
        assertThat(ok.message()).contains("AmID AM-ALPBAU-7777").contains("mandant 7777");

        Map<String, Object> otherMandant = new HashMap<>(sandbox.options());
        otherMandant.put("mandant", "7778");
        ConnectionTestResult mandant = module.test(with(sandbox, sandbox.credentials(), otherMandant), sandbox.defaultEndpoint());
        assertThat(mandant.ok()).isFalse();
        assertThat(mandant.details()).containsEntry("result", "unknown-mandant");
        assertThat(mandant.message()).contains("mandant 7778 is unknown");

        Map<String, String> wrongSecret = new HashMap<>(sandbox.credentials());
        wrongSecret.put("clientSecret", "not-the-secret");
        ConnectionTestResult secret = module.test(with(sandbox, wrongSecret, sandbox.options()), sandbox.defaultEndpoint());
        assertThat(secret.ok()).isFalse();
        assertThat(secret.details()).containsEntry("result", "bad-credentials");
        assertThat(secret.message()).contains("client id or secret").doesNotContain("not-the-secret");

        ConnectionTestResult closed = module.test(sandbox, new io.passerelle.connection.Endpoint("main",
                "http://127.0.0.1:1", true));
        assertThat(closed.ok()).isFalse();
        assertThat(closed.details()).containsEntry("result", "unreachable");
        assertThat(closed.message()).contains("check that the server is set up and its port is open");
    }

    @Test
    void aServiceUserWithoutTheBookingScopeIsToldWhichScopeAndWhichFlow() {
        AbacusSimulatorProperties sandbox = simulator.properties();
        AbacusSimulator readOnly = new AbacusSimulator(sandbox.withScopes("abacus.entity.employee.read "
                + "abacus.entity.project.read abacus.entity.projectbase.read")).start();
        try {
            Connection base = connections.find(CONNECTION).orElseThrow();
            ConnectionTestResult test = module.test(base, new io.passerelle.connection.Endpoint("main", readOnly.url(), true));
            assertThat(test.ok()).isFalse();
            assertThat(test.details()).containsEntry("result", "missing-scope");
            assertThat(test.message()).contains("scope abacus.entity.projectbooking.readwrite is missing: flow timesheets needs it");
        } finally {
            readOnly.stop();
        }
    }

    private static Connection with(Connection c, Map<String, String> credentials, Map<String, Object> options) {
        return new Connection(c.id(), c.company(), c.erp(), c.endpoints(), credentials, c.schedules(), options, c.owner(),
                c.allowOthersToEdit(), c.createdAt(), c.updatedAt());
    }

    private static Map<String, RunView> byFlow(List<RunView> runs) {
        return runs.stream().collect(Collectors.toMap(RunView::flow, Function.identity()));
    }
}
