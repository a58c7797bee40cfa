package io.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.JsonFields;
import io.passerelle.run.Instance;
import io.passerelle.run.InstanceProperties;
import io.passerelle.run.PageWorkers;
import io.passerelle.run.RetryScope;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunView;
import io.passerelle.run.SqlFiles;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbound engine with a fake ERP session (pages held in memory) over an in-memory database: no Spring context,
 * no simulator, no Camel route. What it pages, writes, skips, counts and where it leaves the cursor.
 */
class SyncEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final InboundFlow PROJECTS = new InboundFlow("projects", "PROJECT", CanonicalEntity.PROJECT,
            SyncEngineTest::project, 2, ItemFilter.ALL, CustomFields.NONE, null);

    private DefaultCamelContext camel;
    private NamedParameterJdbcTemplate jdbc;
    private RunStore runs;
    private SyncStore store;
    private SyncEngine engine;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:engine-" + DATABASES.incrementAndGet()
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        jdbc.getJdbcTemplate().update("insert into company (code, name) values ('ACME', 'Acme')");
        jdbc.getJdbcTemplate().update("insert into connection (id, company_id, erp, credentials, schedules, options, "
                + "created_at, updated_at) select 'acme', id, 'test', '', '{}', '{}', current_timestamp, current_timestamp "
                + "from company");
        SqlFiles sql = new SqlFiles();
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        runs = new RunStore(jdbc, sql, event -> { }, Instance.named("test"), new InstanceProperties(null, null, null));
        store = new SyncStore(jdbc, transaction, sql);
        camel = new DefaultCamelContext();
        camel.start();
        engine = new SyncEngine(store, runs, new PageWorkers(camel), new InboundPages(null), List.of());
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void pagesAreWrittenAndCountedAndLaterRunsFindThemUnchanged() {
        FakeSession session = new FakeSession(List.of(
                project("P-1", "One", "2026-11-01T10:00:00Z"), project("P-2", "Two", "2026-11-02T10:00:00Z"),
                project("P-3", "Three", "2026-11-03T10:00:00Z")));

        RunView first = run(PROJECTS, session, SyncMode.FULL);

        assertThat(first.status()).isEqualTo("SUCCEEDED");
        assertThat(first.counts()).containsEntry("read", 3).containsEntry("created", 3).containsEntry("skipped", 0);
        assertThat(session.pagesAsked).as("pages of the flow's page size").isEqualTo(2);
        assertThat(store.watermark(store.target("acme").orElseThrow(), CanonicalEntity.PROJECT)).contains(Instant.parse("2026-11-03T10:00:00Z"));

        RunView second = run(PROJECTS, session, SyncMode.INCREMENTAL);
        assertThat(session.lastSince).as("incremental from the cursor").isEqualTo(Instant.parse("2026-11-03T10:00:00Z"));
        assertThat(second.counts()).containsEntry("read", 1).containsEntry("unchanged", 1).containsEntry("created", 0);

        RunView full = run(PROJECTS, session, SyncMode.FULL);
        assertThat(full.counts()).containsEntry("read", 3).containsEntry("unchanged", 3).containsEntry("updated", 0);
    }

    @Test
    void aBadItemIsRejectedByNameAndTheRestIsWritten() {
        FakeSession session = new FakeSession(List.of(project("P-1", "One", "2026-11-01T10:00:00Z"),
                JSON.createObjectNode().put("name", "no number")));

        RunView run = run(PROJECTS, session, SyncMode.FULL);

        assertThat(run.status()).isEqualTo("PARTIAL");
        assertThat(run.counts()).containsEntry("created", 1).containsEntry("rejected", 1);
        assertThat(runs.errors(run.id())).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("field 'number' is missing or blank"));
    }

    @Test
    void aFilterSkipsItemsAndCustomFieldsChangeTheRecords() {
        FakeSession session = new FakeSession(List.of(project("P-1", "One", "2026-11-01T10:00:00Z"),
                project("P-2", "Two", "2026-11-02T10:00:00Z")));
        run(PROJECTS, session, SyncMode.FULL);

        InboundFlow filtered = new InboundFlow("projects", "PROJECT", CanonicalEntity.PROJECT, SyncEngineTest::project, 2,
                item -> !item.path("number").asText().equals("P-2"),
                item -> Map.of("label", item.path("name")), null);
        RunView run = run(filtered, session, SyncMode.FULL);

        assertThat(run.counts()).containsEntry("read", 2).containsEntry("skipped", 1).containsEntry("updated", 1);
        assertThat(jdbc.getJdbcTemplate().queryForObject(
                "select custom_fields from remote_ref where match_key = 'P-1'", String.class)).isEqualTo("{\"label\":\"One\"}");
    }

    @Test
    void aSessionThatFailsFailsTheRunInWordsAndLeavesTheCursor() {
        run(PROJECTS, new FakeSession(List.of(project("P-1", "One", "2026-11-01T10:00:00Z"))), SyncMode.FULL);
        FakeSession broken = new FakeSession(List.of()) {
            @Override
            public CompletableFuture<SourcePage> fetch(InboundFlow flow, String after, Instant since, int limit) {
                return CompletableFuture.failedFuture(new IllegalStateException("connection refused"));
            }
        };

        RunView run = run(PROJECTS, broken, SyncMode.INCREMENTAL);

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.message()).isEqualTo("connection refused");
        assertThat(store.watermark(store.target("acme").orElseThrow(), CanonicalEntity.PROJECT)).contains(Instant.parse("2026-11-01T10:00:00Z"));
    }

    @Test
    void anEntityWithAWriterOfItsOwnIsWrittenByItInRunsAndRetries() {
        List<String> calls = new ArrayList<>();
        EntityWriter writer = new EntityWriter() {
            @Override
            public CanonicalEntity entity() {
                return CanonicalEntity.PROJECT;
            }

            @Override
            public PageResult writePage(SyncTarget target, List<CanonicalRecord> records, Instant watermark,
                    Instant heldAt) {
                calls.add(target.connectionId() + " " + records.stream().map(CanonicalRecord::remoteKey).toList() + " "
                        + watermark + " " + heldAt);
                return new PageResult(records.size() - 1, 0, 0, List.of(), List.of(), heldAt, 1);
            }
        };
        SyncEngine withWriter = new SyncEngine(store, runs, new PageWorkers(camel), new InboundPages(null),
                List.of(writer));
        FakeSession session = new FakeSession(List.of(project("P-1", "One", "2026-11-01T10:00:00Z"),
                project("P-2", "Two", "2026-11-02T10:00:00Z"), project("P-3", "Three", "2026-11-03T10:00:00Z")));

        long runId = runs.create("acme", "projects", "IN", Trigger.API, SyncMode.FULL);
        withWriter.run(runId, "acme", PROJECTS, session, SyncMode.FULL);
        long retryId = runs.create("acme", "projects", "IN", Trigger.RETRY, SyncMode.FULL);
        withWriter.run(retryId, store.target("acme").orElseThrow(), PROJECTS, session, SyncMode.FULL,
                RetryScope.of(runId, List.of("P-3")), null);

        assertThat(calls).containsExactly("acme [P-1, P-2] 2026-11-02T10:00:00Z null",
                "acme [P-3] 2026-11-03T10:00:00Z null", "acme [] null null", "acme [P-3] null null");
        assertThat(runs.find(runId).orElseThrow().counts()).containsEntry("read", 3).containsEntry("created", 1)
                .containsEntry("skipped", 2);
        assertThat(jdbc.getJdbcTemplate().queryForObject("select count(*) from project", Integer.class))
                .as("not the canonical table").isZero();
        assertThat(store.watermark(store.target("acme").orElseThrow(), CanonicalEntity.PROJECT)).as("the writer's to save").isEmpty();
    }

    private RunView run(InboundFlow flow, SourceSession session, SyncMode mode) {
        long runId = runs.create("acme", flow.name(), "IN", Trigger.API, mode);
        engine.run(runId, "acme", flow, session, mode);
        return runs.find(runId).orElseThrow();
    }

    private static JsonNode project(String number, String name, String modifiedAt) {
        return JSON.createObjectNode().put("number", number).put("name", name).put("modifiedAt", modifiedAt);
    }

    private static CanonicalRecord project(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String number = in.requiredKey("number", 255);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", number);
        fields.put("name", in.text("name", 255));
        fields.put("status", null);
        fields.put("customer", null);
        return CanonicalRecord.of(CanonicalEntity.PROJECT, number, null, fields, in.instant("modifiedAt"));
    }

    /** Pages of {@code limit} items, in order of modification, as Avantage's LIST gives them. */
    private static class FakeSession implements SourceSession {
        private final List<JsonNode> items;
        int pagesAsked;
        Instant lastSince;

        FakeSession(List<JsonNode> items) {
            this.items = items;
        }

        @Override
        public CompletableFuture<SourcePage> fetch(InboundFlow flow, String after, Instant since, int limit) {
            pagesAsked++;
            lastSince = since;
            List<JsonNode> selected = new ArrayList<>();
            for (JsonNode item : items) {
                Instant modified = Instant.parse(item.path("modifiedAt").asText("2026-01-01T00:00:00Z"));
                if (since == null || !modified.isBefore(since)) {
                    selected.add(item);
                }
            }
            int from = after == null ? 0 : Integer.parseInt(after);
            List<JsonNode> page = selected.subList(Math.min(from, selected.size()), Math.min(from + limit, selected.size()));
            Instant watermark = page.stream().map(item -> item.path("modifiedAt").asText(null)).filter(java.util.Objects::nonNull)
                    .map(Instant::parse).max(Instant::compareTo).orElse(null);
            String next = from + limit < selected.size() ? String.valueOf(from + limit) : null;
            return CompletableFuture.completedFuture(new SourcePage(List.copyOf(page), next, watermark));
        }

        @Override
        public void close() {
        }
    }
}
