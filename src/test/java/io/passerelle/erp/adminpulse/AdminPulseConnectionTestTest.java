package io.passerelle.erp.adminpulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.SandboxTest;
import io.passerelle.connection.Company;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.Endpoint;
import io.passerelle.sandbox.adminpulse.AdminPulseSimulator;
import io.passerelle.sandbox.adminpulse.AdminPulseSimulatorProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The connection test says in words whether the token is wrong or expired, or lacks "Read relations". */
@SandboxTest
class AdminPulseConnectionTestTest {

    @Autowired
    AdminPulseModule module;
    @Autowired
    AdminPulseSimulator simulator;

    private Connection connection(String token, Map<String, Object> options) {
        return new Connection("ap-test", new Company("FIDU", "Fiduciaire"), AdminPulseModule.ERP,
                List.of(new Endpoint("main", simulator.url(), true)), Map.of("apiToken", token), Map.of(), options, "test",
                false, Instant.now(), Instant.now());
    }

    private ConnectionTestResult test(Connection connection) {
        return module.test(connection, connection.defaultEndpoint());
    }

    @Test
    void aGoodTokenReadsRelationsAndTheTestSaysWhenItExpires() {
        String inAMonth = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        ConnectionTestResult ok = test(connection(AdminPulseSimulatorProperties.DEMO_API_TOKEN,
                Map.of("tokenExpiresOn", inAMonth)));
        assertThat(ok.ok()).as(ok.message()).isTrue();
        assertThat(ok.message()).isEqualTo("the API token reads relations (430); it expires on " + inAMonth + ", in 30 days");
        assertThat(ok.details()).containsEntry("result", "ok").containsEntry("relations", 430L);
        assertThat(test(connection(AdminPulseSimulatorProperties.DEMO_API_TOKEN, Map.of())).message())
                .endsWith("set options.tokenExpiresOn to the token's expiry date to be warned before it");
    }

    @Test
    void aWrongTokenAndATokenWithoutTheScopeAreToldApart() {
        ConnectionTestResult wrong = test(connection("not-a-token", Map.of()));
        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.details()).containsEntry("result", "bad-token");
        assertThat(wrong.message()).startsWith("AdminPulse refused the API token (401): it is wrong, revoked or expired")
                .contains("\"Read relations\" scope").doesNotContain("not-a-token");

        ConnectionTestResult noScope = test(connection(AdminPulseSimulatorProperties.DEMO_NO_SCOPE_TOKEN, Map.of()));
        assertThat(noScope.ok()).isFalse();
        assertThat(noScope.details()).containsEntry("result", "missing-scope");
        assertThat(noScope.message()).startsWith("the API token lacks the \"Read relations\" scope");

        String lastWeek = LocalDate.now(ZoneOffset.UTC).minusDays(7).toString();
        ConnectionTestResult expired = test(connection("an-expired-token", Map.of("tokenExpiresOn", lastWeek)));
        assertThat(expired.message()).startsWith("AdminPulse refused the API token: it expired on " + lastWeek);
    }

    @Test
    void nothingListeningIsSaidSo() {
        Connection closed = new Connection("ap-test", new Company("FIDU", "Fiduciaire"), AdminPulseModule.ERP,
                List.of(new Endpoint("main", "http://127.0.0.1:1", true)), Map.of("apiToken", "x"), Map.of(), Map.of(),
                "test", false, Instant.now(), Instant.now());
        ConnectionTestResult refused = test(closed);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.details()).containsEntry("result", "refused");
        assertThat(refused.message()).startsWith("cannot reach AdminPulse at http://127.0.0.1:1");
    }

    @Test
    void aCompanyIsRefreshedByItsNumberInAnySpelling() {
        assertThat(AdminPulseSource.vatNumber("0712.345.678")).contains("0712345678");
        assertThat(AdminPulseSource.vatNumber("BE 0712 345 678")).contains("0712345678");
        assertThat(AdminPulseSource.vatNumber("be0712345678")).contains("0712345678");
        assertThat(AdminPulseSource.vatNumber("712345678")).contains("0712345678");
        assertThat(AdminPulseSource.vatNumber("0712-345")).isEmpty();
        assertThat(AdminPulseSource.vatNumber("Bakkerij")).isEmpty();
        assertThat(module.refusesKey("companies", "0712.345.678")).isEmpty();
        assertThat(module.refusesKey("companies", "12")).contains(
                "an enterprise number of 10 digits was expected, e.g. 0712.345.678 or BE0712345678");
    }
}
