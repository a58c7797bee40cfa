package io.passerelle.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConnectionValidatorTest {

    private final ConnectionValidator validator = new ConnectionValidator(new ErpConnectors(List.of(new FakeErpConnector())),
            file -> {
                if (!file.startsWith("custom/")) {
                    throw new io.passerelle.routes.RouteFileException(file, 3, "mapping values are not allowed here");
                }
            });

    @Test
    void acceptsAValidConnection() {
        assertThatCode(() -> validator.check(Connections.valid("acme-acumatica"))).doesNotThrowAnyException();
    }

    @Test
    void namesABadId() {
        Connection c = Connections.valid("Acme_Acumatica");
        assertThat(problems(c)).extracting(FieldProblem::field).containsExactly("id");
        assertThat(problems(Connections.valid("-leading-dash"))).extracting(FieldProblem::field).containsExactly("id");
        assertThat(problems(Connections.valid("a".repeat(65)))).extracting(FieldProblem::field).containsExactly("id");
        assertThatCode(() -> validator.check(Connections.valid("a".repeat(64)))).doesNotThrowAnyException();
    }

    @Test
    void namesABadCronWithItsFlow() {
        Connection c = Connections.withSchedules(Connections.valid("acme"), Map.of("employees", "every hour"));
        assertThat(problems(c)).containsExactly(
                new FieldProblem("schedules.employees", "not a schedule: 'every hour'; give " + Schedules.FORMS));
    }

    @Test
    void namesAScheduleForAFlowTheErpDoesNotHave() {
        Connection c = Connections.withSchedules(Connections.valid("acme"), Map.of("trades", "0 0 * * * ?"));
        assertThat(problems(c)).extracting(FieldProblem::field).containsExactly("schedules.trades");
    }

    @Test
    void acceptsSchedulesForOutboundFlows() {
        Connection c = Connections.withSchedules(Connections.valid("acme"), Map.of("commitments", "0 0/15 * * * ?"));
        assertThatCode(() -> validator.check(c)).doesNotThrowAnyException();
    }

    @Test
    void namesEachMissingCredential() {
        Connection c = Connections.withCredentials(Connections.valid("acme"), Map.of("user", " "));
        assertThat(problems(c)).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("credentials.user", "credentials.password");
    }

    @Test
    void rejectsUnknownCredentialKeys() {
        Map<String, String> credentials = new LinkedHashMap<>(Connections.valid("acme").credentials());
        credentials.put("apiKey", "x");
        assertThat(problems(Connections.withCredentials(Connections.valid("acme"), credentials)))
                .extracting(FieldProblem::field).containsExactly("credentials.apiKey");
    }

    @Test
    void rejectsARedactedValueWithNothingStoredBehindIt() {
        Map<String, String> credentials = Map.of("user", "u", "password", "****");
        assertThat(problems(Connections.withCredentials(Connections.valid("acme"), credentials)))
                .extracting(FieldProblem::field).containsExactly("credentials.password");
    }

    @Test
    void needsExactlyOneDefaultEndpoint() {
        Connection twoDefaults = Connections.withEndpoints(Connections.valid("acme"), List.of(
                new Endpoint("main", "https://a.example", true), new Endpoint("backup", "https://b.example", true)));
        assertThat(problems(twoDefaults)).extracting(FieldProblem::field).containsExactly("endpoints");

        Connection noDefault = Connections.withEndpoints(Connections.valid("acme"), List.of(
                new Endpoint("main", "https://a.example", false), new Endpoint("backup", "https://b.example", false)));
        assertThat(problems(noDefault)).extracting(FieldProblem::field).containsExactly("endpoints");
    }

    @Test
    void namesDuplicateEndpointNamesAndWrongSchemes() {
        Connection c = Connections.withEndpoints(Connections.valid("acme"), List.of(
                new Endpoint("main", "https://a.example", true), new Endpoint("main", "tcp://b.example:2131", false)));
        assertThat(problems(c)).extracting(FieldProblem::field).containsExactly("endpoints[1].name", "endpoints[1].url");
    }

    @Test
    void needsAnEndpoint() {
        assertThat(problems(Connections.withEndpoints(Connections.valid("acme"), List.of())))
                .extracting(FieldProblem::field).containsExactly("endpoints");
    }

    @Test
    void namesAnUnknownErp() {
        InvalidConnectionException e = invalid(Connections.withErp(Connections.valid("acme"), "sap"));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("erp");
        assertThat(e.unprocessable()).isFalse();
    }

    @Test
    void aKnownErpWithoutConnectorIsUnprocessable() {
        Connection c = Connections.withErp(Connections.valid("acme"), "adminpulse");
        InvalidConnectionException e = invalid(Connections.withCredentials(c, Map.of("clientId", "x", "clientSecret", "y")));
        assertThat(e.unprocessable()).isTrue();
        assertThat(e.problems()).containsExactly(new FieldProblem("erp", "ERP 'adminpulse' is not supported by this build yet"));
    }

    @Test
    void collectsEveryProblemAtOnce() {
        Connection c = new Connection("Bad Id", new Company("", null), FakeErpConnector.ERP,
                List.of(new Endpoint("main", "ftp://x", true), new Endpoint("other", "https://y", true)),
                Map.of("user", "u"), Map.of("employees", "nope"), Map.of(), null, false, null, null);
        assertThat(problems(c)).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "id", "company.code", "company.name", "endpoints[0].url", "endpoints", "credentials.password",
                "schedules.employees");
        assertThat(invalid(c).unprocessable()).isFalse();
    }

    private List<FieldProblem> problems(Connection c) {
        return invalid(c).problems();
    }

    private InvalidConnectionException invalid(Connection c) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> validator.check(c));
        assertThat(thrown).isInstanceOf(InvalidConnectionException.class);
        return (InvalidConnectionException) thrown;
    }

    @Test
    void refusesTwoConnectorsForOneErp() {
        assertThatThrownBy(() -> new ErpConnectors(List.of(new FakeErpConnector(), new FakeErpConnector())))
                .hasMessageContaining(FakeErpConnector.ERP);
    }
}
