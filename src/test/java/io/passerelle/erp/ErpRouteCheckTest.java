package io.passerelle.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.CredentialKey;
import io.passerelle.connection.Endpoint;
import io.passerelle.export.OutboundRoutes;
import io.passerelle.routes.ConnectionRoutes;
import io.passerelle.routes.RouteFileException;
import io.passerelle.routes.RouteFileListener;
import io.passerelle.routes.RouteFiles;
import io.passerelle.routes.RouteProperties;
import io.passerelle.sync.FlowRoutes;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.InboundPages;
import io.passerelle.sync.SourcePage;
import io.passerelle.sync.SourceSession;
import io.passerelle.sync.SyncProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The start-up check of ERP modules against their route files, and what a route file's parameters make of a flow,
 * on a bare Camel context and a routes folder of the test's own: no Spring application, no database.
 */
class ErpRouteCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InboundFlowSpec PROJECTS = new InboundFlowSpec("projects", CanonicalEntity.PROJECT,
            item -> CanonicalRecord.of(CanonicalEntity.PROJECT, item.path("number").asText(), null,
                    Map.of("number", item.path("number").asText()), null));

    @TempDir
    Path routes;

    private DefaultCamelContext camel;
    private RouteFiles files;
    private ConnectionRoutes connectionRoutes;
    private FlowRoutes flows;

    @BeforeEach
    void camel() {
        camel = new DefaultCamelContext();
        camel.start();
        files = new RouteFiles(camel, new RouteProperties(routes.toString(), Duration.ofHours(1)),
                new StaticListableBeanFactory().getBeanProvider(RouteFileListener.class));
        connectionRoutes = new ConnectionRoutes(camel, files);
        flows = new FlowRoutes(camel, connectionRoutes, JSON, new SyncProperties(null));
    }

    @AfterEach
    void stop() {
        files.close();
        camel.stop();
    }

    @Test
    void aModuleWhoseFlowsAllHaveGoodFilesPasses() throws IOException {
        write("test/projects.camel.yaml", flowFile("true", "{}", "projects"));
        assertThat(check().check(new TestModule())).isEmpty();
    }

    @Test
    void aMissingFileAFileNamingNoFlowAndAWrongTableAreAllNamed() throws IOException {
        write("test/projets.camel.yaml", flowFile("true", "{}", "projects"));
        List<String> problems = check().check(new TestModule());
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("test/projects.camel.yaml: no such route file");
        assertThat(problems.get(1)).isEqualTo("test/projets.camel.yaml: 'projets' is not a flow of test; its flows: projects");

        write("test/projects.camel.yaml", flowFile("true", "{}", "vendors"));
        assertThat(check().check(new TestModule()).get(0))
                .isEqualTo("test/projects.camel.yaml: canonicalEntity is 'vendors', but flow 'projects' writes projects");
    }

    @Test
    void aFileThatDoesNotParseIsRefusedWithItsLine() throws IOException {
        write("test/projects.camel.yaml", flowFile("true", "{}", "projects").replace("    parameters:", "    parameters: [oops"));
        assertThatThrownBy(() -> files.template("test/projects.camel.yaml"))
                .isInstanceOfSatisfying(RouteFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("test/projects.camel.yaml");
                    assertThat(e.line()).isPositive();
                });
    }

    @Test
    void aRuleThatIsNotJqIsRefusedNamingTheParameter() throws IOException {
        write("test/projects.camel.yaml", flowFile(".status ==", "{}", "projects"));
        assertThatThrownBy(() -> flows.check("test/projects.camel.yaml", PROJECTS))
                .hasMessageStartingWith("test/projects.camel.yaml: filter '.status ==' is not a jq expression");
        write("test/projects.camel.yaml", flowFile("true", "[1]", "projects"));
        assertThatThrownBy(() -> flows.check("test/projects.camel.yaml", PROJECTS))
                .hasMessageContaining("customFields must be a JSON object of name → jq expression");
    }

    @Test
    void theFilterSkipsAndTheCustomFieldsAreKeptWithTheRecord() throws IOException {
        write("test/projects.camel.yaml", flowFile(".status != \"CLOSED\"", "{\"site\": \".site.city\", \"tags\": \"[.tags[]?]\"}",
                "projects"));
        Connection connection = io.passerelle.connection.Connections.withErp(io.passerelle.connection.Connections.valid("test-1"), "test");
        var flow = flows.resolve(connection, PROJECTS);
        List<JsonNode> items = List.of(
                JSON.readTree("{\"number\":\"P-1\",\"status\":\"OPEN\",\"site\":{\"city\":\"Laval\"},\"tags\":[\"a\",\"b\"]}"),
                JSON.readTree("{\"number\":\"P-2\",\"status\":\"CLOSED\"}"),
                JSON.readTree("{\"number\":\"P-3\",\"status\":\"OPEN\"}"));
        InboundPages.MappedPage mapped = new InboundPages(camel.createProducerTemplate())
                .map(new InboundPages.PageToMap(flow, new SourcePage(items, null, null), null));

        assertThat(mapped.errors()).isEmpty();
        assertThat(mapped.skipped()).isEqualTo(1);
        assertThat(mapped.records()).extracting(CanonicalRecord::remoteKey).containsExactly("P-1", "P-3");
        assertThat(mapped.records().get(0).customFields().get("site").asText()).isEqualTo("Laval");
        assertThat(mapped.records().get(0).customFields().get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(mapped.records().get(1).customFields().get("site").isNull()).isTrue();
        assertThat(mapped.records().get(0).contentHash())
                .as("custom fields are content").isNotEqualTo(PROJECTS.mapper().map(items.get(0)).contentHash());
        JsonNode siteAsText = JSON.readTree("{\"number\":\"P-4\",\"status\":\"OPEN\",\"site\":\"Laval\"}");
        InboundPages.MappedPage failed = new InboundPages(camel.createProducerTemplate())
                .map(new InboundPages.PageToMap(flow, new SourcePage(List.of(siteAsText), null, null), null));
        assertThat(failed.records()).isEmpty();
        assertThat(failed.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("CUSTOM_FIELD_FAILED");
            assertThat(error.message()).startsWith("custom field 'site' failed on this item: ");
        });
        assertThat(camel.getRoute("flow-test-1-projects")).as("one route per connection and flow").isNotNull();
    }

    @Test
    void anOutboundFlowsBatchSizeIsBoundedByWhatTheErpTakesInOneCall() throws IOException {
        io.passerelle.export.ExportSink<Object, Object> sink = new io.passerelle.export.ExportSink<>() {
            @Override
            public int batchSize() {
                return 10;
            }

            @Override
            public Session<Object, Object> open(Connection connection) {
                throw new UnsupportedOperationException();
            }
        };
        var lines = new io.passerelle.export.OutboundFlow<>("test", "lines", null, sink);
        OutboundRoutes outbound = new OutboundRoutes(connectionRoutes);
        write("test/lines.camel.yaml", outboundFile("5"));
        outbound.check("test/lines.camel.yaml", lines);
        write("test/lines.camel.yaml", outboundFile("50"));
        assertThatThrownBy(() -> outbound.check("test/lines.camel.yaml", lines)).hasMessage("test/lines.camel.yaml: "
                + "batchSize must be a whole number from 1 to 10 (what test takes in one call for lines), was '50'");
    }

    private static String outboundFile(String batchSize) {
        return """
                - routeTemplate:
                    id: test-lines
                    parameters:
                      - name: connectionId
                      - name: run
                      - name: batchSize
                        defaultValue: "%s"
                    route:
                      from:
                        uri: "direct:{{run}}"
                        steps:
                          - log: "run"
                """.formatted(batchSize);
    }

    private ErpRouteCheck check() {
        return new ErpRouteCheck(List.of(), files, flows, new OutboundRoutes(connectionRoutes));
    }

    private void write(String file, String text) throws IOException {
        Path path = routes.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private static String flowFile(String filter, String customFields, String entity) {
        return """
                - routeTemplate:
                    id: test-projects
                    parameters:
                      - name: connectionId
                      - name: pages
                      - name: remoteEntity
                        defaultValue: PROJECT
                      - name: canonicalEntity
                        defaultValue: %s
                      - name: pageSize
                        defaultValue: "50"
                      - name: filter
                        defaultValue: '%s'
                      - name: customFields
                        defaultValue: '%s'
                    route:
                      from:
                        uri: "direct:{{pages}}"
                        steps:
                          - log: "page"
                """.formatted(entity, filter, customFields);
    }

    private static final class TestModule extends ErpModule {
        TestModule() {
            super(new ErpDescriptor("test", "a test ERP", Set.of("https"), List.of(CredentialKey.required("key", "k", true)),
                    List.of()), List.of(PROJECTS), List.of());
        }

        @Override
        public SourceSession open(Connection connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConnectionTestResult test(Connection connection, Endpoint endpoint) {
            throw new UnsupportedOperationException();
        }
    }
}
