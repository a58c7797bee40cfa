package io.passerelle.erp.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.SandboxTest;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionChanged;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.sandbox.acumatica.AcumaticaSimulator;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** The connection's route is the kit's, remade after the connection changed; a busy answer is counted once. */
@SandboxTest
class AcumaticaTransportsTest {

    static final String CONNECTION = "sandbox-acumatica";

    @Autowired
    AcumaticaTransports transports;
    @Autowired
    ConnectionDirectory connections;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    CamelContext camel;
    @Autowired
    AcumaticaSimulator simulator;

    @AfterEach
    void wellBehavedAgain() {
        simulator.reset();
    }

    @Test
    void aChangedConnectionGetsANewRouteOnItsNextUse() {
        Connection connection = connections.find(CONNECTION).orElseThrow();
        transports.session(connection).close();
        assertThat(camel.getRoute("acumatica-http-" + CONNECTION)).isNotNull();

        events.publishEvent(new ConnectionChanged(CONNECTION, connection));
        assertThat(camel.getRoute("acumatica-http-" + CONNECTION)).as("closed with the old connection").isNull();

        try (AcumaticaSession session = transports.session(connection)) {
            session.signIn();
            assertThat(AcumaticaSession.join(session.list("CostCode", Map.of("$top", "1")))).hasSize(1);
        }
        assertThat(camel.getRoute("acumatica-http-" + CONNECTION)).isNotNull();
        assertThat(simulator.openSessions()).isZero();
    }

    @Test
    void aTooManyRequestsAnswerIsRetriedByTheKitAloneNotAlsoByTheHttpClient() {
        simulator.faults().tooManyRequestsNext(1, java.time.Duration.ZERO);
        long before = simulator.requests("GET", "CostCode");
        try (AcumaticaSession session = transports.session(connections.find(CONNECTION).orElseThrow())) {
            session.signIn();
            assertThat(AcumaticaSession.join(session.list("CostCode", Map.of("$top", "1")))).hasSize(1);
        }
        assertThat(simulator.requests("GET", "CostCode") - before).as("the 429, then the answer").isEqualTo(2);
    }
}
