package io.passerelle.erp.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.SandboxTest;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.acumatica.AcumaticaSimulator;
import io.passerelle.sandbox.acumatica.EntityType;
import io.passerelle.sync.SyncLauncher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job structure from Acumatica's contract API, and the licence slot given back after every run. */
@SandboxTest
class AcumaticaSyncTest {

    static final String CONNECTION = "sandbox-acumatica";
    static final Map<String, EntityType> FLOWS = Map.of("projects", EntityType.Project, "projectTasks", EntityType.ProjectTask,
            "costCodes", EntityType.CostCode, "vendors", EntityType.Vendor, "customers", EntityType.Customer,
            "employees", EntityType.Employee, "projectTemplates", EntityType.ProjectTemplate);

    @Autowired
    SyncLauncher launcher;
    @Autowired
    AcumaticaSimulator simulator;
    @Autowired
    AcumaticaModule connector;
    @Autowired
    ConnectionDirectory connections;
    @Autowired
    AcumaticaTransports transports;
    @Autowired
    org.apache.camel.ProducerTemplate producer;
    @Autowired
    org.apache.camel.CamelContext camel;

    @AfterEach
    void wellBehavedAgain() {
        simulator.reset();
    }

    @Test
    void aFullImportHoldsWhatTheTenantHoldsThenNothingChangesAndNoSessionIsLeftOpen() {
        Map<String, RunView> full = byFlow(launcher.runAndWait(CONNECTION, "all", Trigger.API, SyncMode.FULL));
        assertThat(simulator.openSessions()).isZero();
        FLOWS.forEach((flow, entity) -> {
            RunView run = full.get(flow);
            int held = simulator.dataset().count(entity);
            assertThat(held).as(flow).isPositive();
            assertThat(run.status()).as(flow + ": " + run.message()).isEqualTo("SUCCEEDED");
            assertThat(run.counts()).as(flow).containsEntry("read", held).containsEntry("rejected", 0);
            assertThat(run.counts().get("created") + run.counts().get("updated") + run.counts().get("unchanged")).isEqualTo(held);
        });

        Map<String, RunView> again = byFlow(launcher.runAndWait(CONNECTION, "all", Trigger.API, SyncMode.INCREMENTAL));
        assertThat(simulator.openSessions()).isZero();
        assertThat(again.values()).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo("SUCCEEDED");
            assertThat(run.counts()).containsEntry("created", 0).containsEntry("updated", 0);
        });

        List<String> touched = simulator.touch(EntityType.Vendor, 2);
        RunView vendors = launcher.runAndWait(CONNECTION, "vendors", Trigger.API, SyncMode.INCREMENTAL).get(0);
        assertThat(vendors.counts()).as(touched.toString()).containsEntry("updated", 2).containsEntry("created", 0);
    }

    @Test
    void aRunThatFailsHalfWayStillSignsOut() {
        simulator.faults().tooManyRequestsNext(50, Duration.ZERO);
        RunView run = launcher.runAndWait(CONNECTION, "costCodes", Trigger.API, SyncMode.FULL).get(0);
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.message()).contains("429");
        assertThat(simulator.openSessions()).as("the licence slot is given back").isZero();
    }

    @Test
    void tooManyRequestsAreWaitedOutAsAskedAndTheRunSucceeds() {
        simulator.faults().tooManyRequestsNext(2, Duration.ZERO);
        RunView run = launcher.runAndWait(CONNECTION, "costCodes", Trigger.API, SyncMode.FULL).get(0);
        assertThat(run.status()).as(run.message()).isEqualTo("SUCCEEDED");
        assertThat(simulator.openSessions()).isZero();
    }

    @Test
    void theConnectionTestSignsInAndOutAndNamesAFullLicence() {
        ConnectionTestResult ok = connector.test(connections.find(CONNECTION).orElseThrow(),
                connections.find(CONNECTION).orElseThrow().defaultEndpoint());
        assertThat(ok.ok()).as(ok.message()).isTrue();
        assertThat(simulator.openSessions()).isZero();

        simulator.faults().loginLimit(0);
        ConnectionTestResult full = connector.test(connections.find(CONNECTION).orElseThrow(),
                connections.find(CONNECTION).orElseThrow().defaultEndpoint());
        assertThat(full.ok()).isFalse();
        assertThat(full.details()).containsEntry("result", "login-limit");
    }

    @Test
    void oauthSignsInWithThePasswordGrantRefreshesAnExpiredTokenAndSignsOut() {
        io.passerelle.connection.Connection cookie = connections.find(CONNECTION).orElseThrow();
        Map<String, String> credentials = new java.util.HashMap<>(cookie.credentials());
        credentials.put("clientId", simulator.properties().clientId());
        credentials.put("clientSecret", simulator.properties().clientSecret());
        io.passerelle.connection.Connection oauth = new io.passerelle.connection.Connection(cookie.id(), cookie.company(),
                cookie.erp(), cookie.endpoints(), credentials, cookie.schedules(), cookie.options(), cookie.owner(),
                cookie.allowOthersToEdit(), cookie.createdAt(), cookie.updatedAt());

        ConnectionTestResult ok = connector.test(oauth, oauth.defaultEndpoint());
        assertThat(ok.ok()).as(ok.message()).isTrue();
        assertThat(ok.details()).containsEntry("signIn", "oauth2");

        long tokenCalls = simulator.counters().requests("POST", "identity/token");
        try (AcumaticaSession session = transports.session(oauth)) {
            session.signIn();
            simulator.closeAllSessions();
            assertThat(AcumaticaSession.join(session.list("CostCode", Map.of("$top", "5")))).hasSize(5);
        }
        assertThat(simulator.counters().requests("POST", "identity/token")).as("password grant, then one refresh")
                .isEqualTo(tokenCalls + 2);
        assertThat(simulator.openSessions()).isZero();
    }

    @Test
    void staleCamelHttpHeadersOnAnExchangeDoNotSteerTheCall() {
        try (AcumaticaSession session = transports.session(connections.find(CONNECTION).orElseThrow())) {
            org.apache.camel.Exchange answer = producer.request(camel.getRoute("acumatica-http-" + CONNECTION).getEndpoint(), exchange -> {
                exchange.getIn().setHeader(org.apache.camel.Exchange.HTTP_URI, "http://127.0.0.1:1/elsewhere");
                exchange.getIn().setHeader(org.apache.camel.Exchange.HTTP_PATH, "/entity/Default/24.200.001/Bill");
                exchange.getIn().setHeader(org.apache.camel.Exchange.HTTP_RESPONSE_CODE, 500);
                exchange.getIn().setHeader(io.passerelle.erp.http.RestHttpRoutes.METHOD, "GET");
                exchange.getIn().setHeader(io.passerelle.erp.http.RestHttpRoutes.PATH, "/entity");
            });
            assertThat(answer.getException()).as("went to the connection's instance, not the stale URI").isNull();
            assertThat(answer.getMessage().getHeader(org.apache.camel.Exchange.HTTP_RESPONSE_CODE, Integer.class))
                    .as("the simulator's own answer to GET /entity").isIn(200, 401);
            assertThat(simulator.requests("GET", "Bill")).isZero();
        }
    }

    private static Map<String, RunView> byFlow(List<RunView> runs) {
        return runs.stream().collect(Collectors.toMap(RunView::flow, Function.identity()));
    }
}
