package io.passerelle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.connection.ErpConnector;
import io.passerelle.connection.FakeErpConnector;
import io.passerelle.connection.FakeInboundSource;
import io.passerelle.run.RunHistory;
import io.passerelle.sync.InboundSource;
import io.passerelle.sync.RecordReader;
import io.passerelle.sync.SyncLauncher;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * One application context for all API tests (so it starts once): the test profile, a token per role (and two
 * ENGINEERs of their own names), the test ERP connector, a bootstrap fixture, and mocks for the sync engine's side of
 * the contract.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.security.tokens[0].name=test-admin",
        "passerelle.security.tokens[0].role=ADMIN",
        "passerelle.security.tokens[0].sha256=17d6bfe05d1b1fb7bc499f8e3f639c7b3eda4c40f321eef8887a0c04c89a99c5",
        "passerelle.security.tokens[1].name=test-engineer",
        "passerelle.security.tokens[1].role=ENGINEER",
        "passerelle.security.tokens[1].sha256=3b0d06715723d6966a7f7e18a0f4825e56976f7cebd163438e9e5fe6830eb616",
        "passerelle.security.tokens[2].name=test-approver",
        "passerelle.security.tokens[2].role=APPROVER",
        "passerelle.security.tokens[2].capabilities=COMMITMENTS",
        "passerelle.security.tokens[2].sha256=408a4e2c74dec2e9f99685ad6963e20118c9e5b9fecef9b857b4bcc1fedad0c6",
        "passerelle.security.tokens[3].name=test-viewer",
        "passerelle.security.tokens[3].role=VIEWER",
        "passerelle.security.tokens[3].sha256=04afacc947b28c94e15578a9db68c1d1bf775b3ff82bc88e31d4465f26bc0b42",
        "passerelle.security.tokens[4].name=alice",
        "passerelle.security.tokens[4].role=ENGINEER",
        "passerelle.security.tokens[4].sha256=9c220f200955d76c0a38d308225e0ef10c5f971acaf2f8d1d8f732affa5bd1dc",
        "passerelle.security.tokens[5].name=bob",
        "passerelle.security.tokens[5].role=ENGINEER",
        "passerelle.security.tokens[5].sha256=97dd3707015dcf069cf73022ed7173b1165db6eff24b441cb57fd069a8c4e525",
        "passerelle.bootstrap.files[0]=classpath:bootstrap/connections-test.yaml",
        "passerelle.bootstrap.files[1]=optional:classpath:bootstrap/does-not-exist.yaml",
        "test.bootstrap.host=boot.example",
        "test.bootstrap.password=" + ApiTestSupport.BOOTSTRAP_PASSWORD,
})
@ActiveProfiles("test")
@Import({ApiTestSupport.TestErp.class, ChangeRecorder.class})
public abstract class ApiTestSupport {

    public static final String ADMIN = "test-admin-token";
    public static final String ENGINEER = "test-engineer-token";
    public static final String APPROVER = "test-approver-token";
    public static final String VIEWER = "test-viewer-token";
    /** Two ENGINEERs, each the owner of what it creates (see ConnectionOwnershipApiTest). */
    public static final String ALICE = "alice-token";
    public static final String BOB = "bob-token";
    public static final String BOOTSTRAP_PASSWORD = "b00tstrap-Secret";

    /**
     * The test ERP, and mocks of the sync engine's side of the contract. The mocks are primary beans beside the
     * real ones rather than replacements: the engine itself still needs its real classes to start.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestErp {
        @Bean
        ErpConnector fakeErpConnector() {
            return new FakeErpConnector();
        }

        @Bean
        InboundSource fakeInboundSource() {
            return new FakeInboundSource();
        }

        @Bean
        @Primary
        SyncLauncher mockSyncLauncher() {
            return Mockito.mock(SyncLauncher.class);
        }

        @Bean
        @Primary
        RunHistory mockRunHistory() {
            return Mockito.mock(RunHistory.class);
        }

        @Bean
        @Primary
        RecordReader mockRecordReader() {
            return Mockito.mock(RecordReader.class);
        }
    }

    @Autowired
    protected SyncLauncher syncLauncher;
    @Autowired
    protected RunHistory runHistory;
    @Autowired
    protected RecordReader recordReader;

    @AfterEach
    void forgetStubs() {
        Mockito.reset(syncLauncher, runHistory, recordReader);
    }

    @Autowired
    protected ObjectMapper json;

    @LocalServerPort
    private int port;

    protected Response call(String method, String path, String token) {
        return call(method, path, token, null);
    }

    protected Response call(String method, String path, String token, String body) {
        return new ApiClient(port, json).call(method, path, token, body);
    }

    protected String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public record Response(HttpResponse<String> raw, ObjectMapper json) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode node() {
            try {
                return json.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        /** The {@code field} names of a problem's {@code errors}. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            node().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
