package io.passerelle.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.passerelle.TestDatabases;
import io.passerelle.connection.Company;
import io.passerelle.connection.Connection;
import io.passerelle.export.EngineFakes.FakeErp;
import io.passerelle.export.EngineFakes.FakeSource;
import io.passerelle.export.EngineFakes.Thing;
import io.passerelle.run.Instance;
import io.passerelle.run.InstanceProperties;
import io.passerelle.run.PageWorkers;
import io.passerelle.run.RunErrorView;
import io.passerelle.run.RunStore;
import io.passerelle.run.RunView;
import io.passerelle.run.SqlFiles;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export engine on a real ledger (H2 in memory, migrated by Flyway) with a fake source and a fake ERP, no Spring
 * context: every outcome path tells the source and writes the run's errors and counts in the ledger's transaction,
 * and a process that stops mid-run leaves counts that say what had gone out.
 */
class ExportEngineTest {

    static final String CONNECTION = "engine-erp";
    static final String KIND = EngineFakes.KIND;

    HikariDataSource dataSource;
    NamedParameterJdbcTemplate jdbc;
    DefaultCamelContext camel;
    RunStore runs;
    ExportItemStore items;
    FakeSource source;
    FakeErp erp;
    Connection connection;
    ExportEngine engine;

    /** The database under test: H2 here, PostgreSQL in the twin. */
    protected HikariDataSource database() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void ledger() {
        dataSource = database();
        Flyway.configure().dataSource(dataSource).schemas(schema()).load().migrate();
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        jdbc.getJdbcTemplate().update("insert into company (code, name) values ('ENGINE', 'Engine inc.')");
        jdbc.getJdbcTemplate().update("insert into connection (id, company_id, erp, credentials, schedules, options, "
                + "allow_others_to_edit, created_at, updated_at) select ?, id, 'fake', '{}', '{}', '{}', false, "
                + "current_timestamp, current_timestamp from company where code = 'ENGINE'", CONNECTION);
        camel = new DefaultCamelContext();
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        SqlFiles sql = new SqlFiles();
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        runs = new RunStore(jdbc, sql, event -> { }, Instance.named("test"), new InstanceProperties(null, null, null));
        items = new ExportItemStore(jdbc, transaction, sql, json);
        source = new FakeSource(this::states);
        erp = new FakeErp();
        connection = new Connection(CONNECTION, new Company("ENGINE", "Engine inc."), "fake", List.of(), Map.of(),
                Map.of(), Map.of(), null, false, Instant.now(), Instant.now());
        engineWith(1);
    }

    private void engineWith(int batchesInFlight) {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        engine = new ExportEngine(items, runs, new ExportProperties(100, batchesInFlight), new PageWorkers(camel),
                transaction, new ObjectMapper().findAndRegisterModules());
    }

    /** The schema Flyway migrates: none given on H2 (the default one); the twin's own on PostgreSQL. */
    protected String[] schema() {
        return new String[0];
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
        dataSource.close();
    }

    @Test
    void everyItemNotDeliveredIsAnErrorOfTheRunWrittenWithItsOutcome() {
        source.add("a", "b", "c", "d", "e");
        erp.refuse.add("b");
        erp.answers.add(batch -> EngineFakes.answer(batch, Map.of("c", new ItemOutcome("c", ExportState.REJECTED, "ERP_SAYS_NO",
                "the ERP does not know group g-c"))));
        erp.answers.add(batch -> CompletableFuture.failedFuture(new OutcomeUnknownException("no answer within 5s", null)));

        RunView run = run();

        assertThat(run.status()).isEqualTo("PARTIAL");
        assertThat(run.counts()).containsEntry("read", 5).containsEntry("sent", 4).containsEntry("accepted", 1)
                .containsEntry("rejected", 2).containsEntry("unknown", 2).containsEntry("failed", 0);
        Map<String, RunErrorView> errors = errorsByKey(run.id());
        assertThat(errors).containsOnlyKeys("b", "c", "d", "e");
        assertThat(errors.get("b")).satisfies(e -> {
            assertThat(e.entity()).isEqualTo(KIND);
            assertThat(e.code()).isEqualTo("BAD_THING");
            assertThat(e.message()).isEqualTo("thing b cannot be translated");
            assertThat(e.retryable()).isFalse();
            assertThat(e.payload()).contains("\"id\":\"b\"").contains("g-b");
        });
        assertThat(errors.get("c")).satisfies(e -> {
            assertThat(e.code()).isEqualTo("ERP_SAYS_NO");
            assertThat(e.message()).isEqualTo("the ERP does not know group g-c");
            assertThat(e.retryable()).isFalse();
            assertThat(e.payload()).isEqualTo("\"payload of c\"");
        });
        assertThat(List.of(errors.get("d"), errors.get("e"))).allSatisfy(e -> {
            assertThat(e.code()).isEqualTo("NO_ANSWER");
            assertThat(e.message()).startsWith("no answer within 5s").contains("asks the ERP");
            assertThat(e.retryable()).isTrue();
        });
        assertThat(source.sent).as("told of every batch that went, in its transaction")
                .containsExactly(List.of("a", "c"), List.of("d", "e"));
        assertThat(source.outsideTransaction).isEmpty();
    }

    @Test
    void aBatchThatDidNotLeaveIsARetryableFailureAndTheBatchesOnTheWireAreStillRecorded() {
        engineWith(2);
        source.add("a", "b", "c", "d", "e", "f");
        erp.answers.add(batch -> CompletableFuture.failedFuture(new NotSentException("connection refused", null)));

        RunView run = run();

        assertThat(run.counts()).containsEntry("sent", 4).containsEntry("failed", 2).containsEntry("accepted", 2);
        assertThat(run.message()).isEqualTo("connection refused");
        assertThat(errorsByKey(run.id())).containsOnlyKeys("a", "b").allSatisfy((key, e) -> {
            assertThat(e.code()).isEqualTo("NOT_SENT");
            assertThat(e.message()).startsWith("connection refused");
            assertThat(e.retryable()).isTrue();
        });
        assertThat(states()).containsOnlyKeys("c", "d").containsValues("ACCEPTED");
        assertThat(source.sent).containsExactly(List.of("c", "d"));
        assertThat(jdbc.getJdbcTemplate().queryForObject("select count(*) from export_batch", Integer.class)).isZero();

        RunView next = run();
        assertThat(next.counts()).containsEntry("sent", 4).containsEntry("accepted", 4);
        assertThat(erp.held).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");
    }

    @Test
    void aStoppedProcessLeavesCountsOfWhatWentAndTheNextRunTellsTheSourceWhatTheErpHolds() {
        source.add("a", "b", "c", "d");
        erp.answers.add(erp::accept);
        erp.answers.add(batch -> {
            erp.accept(batch);
            throw new ProcessStopped();
        });

        long runId = runs.create(CONNECTION, "things", "OUT", Trigger.API, SyncMode.INCREMENTAL);
        assertThatThrownBy(() -> engine.run(runId, connection, flow())).isInstanceOf(ProcessStopped.class);
        assertThat(runs.find(runId).orElseThrow()).satisfies(stopped -> {
            assertThat(stopped.status()).isEqualTo("RUNNING");
            assertThat(stopped.counts()).containsEntry("read", 4).containsEntry("sent", 4).containsEntry("accepted", 2);
        });
        assertThat(source.sent).as("the second batch's answer was never recorded").containsExactly(List.of("a", "b"));

        // the next start: the run is closed, the batch left on the wire shows as SENT items
        runs.abandonRunning();
        items.expandAllOrphans();
        RunView abandoned = runs.find(runId).orElseThrow();
        assertThat(abandoned.status()).isEqualTo("FAILED");
        assertThat(abandoned.message()).startsWith("interrupted");
        assertThat(abandoned.counts()).containsEntry("sent", 4).containsEntry("accepted", 2);
        assertThat(states()).containsEntry("c", "SENT").containsEntry("d", "SENT");

        int posts = erp.posts;
        RunView next = run();
        assertThat(next.status()).isEqualTo("SUCCEEDED");
        assertThat(next.counts()).containsEntry("sent", 0).containsEntry("accepted", 2);
        assertThat(erp.posts).as("nothing resent").isEqualTo(posts);
        assertThat(states()).containsValues("ACCEPTED").doesNotContainValue("SENT");
        assertThat(source.delivered).containsExactly(List.of("c", "d"));
        assertThat(source.outsideTransaction).isEmpty();
        assertThat(errorsByKey(next.id())).isEmpty();
    }

    @Test
    void reconciledItemsStayInDoubtWhenTheSourceCannotBeToldOfThem() {
        source.add("a", "b");
        erp.answers.add(batch -> {
            erp.accept(batch);
            return CompletableFuture.failedFuture(new OutcomeUnknownException("cut", null));
        });
        run();
        assertThat(states()).containsValues("UNKNOWN");

        source.failDelivered = true;
        RunView failed = run();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(states()).as("the ledger moves with the source or not at all").containsValues("UNKNOWN")
                .doesNotContainValue("ACCEPTED");

        source.failDelivered = false;
        RunView reconciled = run();
        assertThat(reconciled.counts()).containsEntry("accepted", 2).containsEntry("sent", 0);
        assertThat(states()).containsValues("ACCEPTED").doesNotContainValue("UNKNOWN");
        assertThat(source.delivered).containsExactly(List.of("a", "b"));
    }

    // --- fixtures -------------------------------------------------------------------------------

    private RunView run() {
        long runId = runs.create(CONNECTION, "things", "OUT", Trigger.API, SyncMode.INCREMENTAL);
        engine.run(runId, connection, flow());
        return runs.find(runId).orElseThrow();
    }

    private OutboundFlow<Thing, String> flow() {
        return new OutboundFlow<>("fake", "things", source, erp);
    }

    private Map<String, RunErrorView> errorsByKey(long runId) {
        Map<String, RunErrorView> byKey = new TreeMap<>();
        runs.errors(runId).forEach(e -> byKey.put(e.remoteKey(), e));
        return byKey;
    }

    private Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        jdbc.query("select source_id, state from export_item where connection_id = :c and kind = :k",
                new MapSqlParameterSource("c", CONNECTION).addValue("k", KIND),
                rs -> {
                    states.put(rs.getString("source_id"), rs.getString("state"));
                });
        return states;
    }

    /** What a kill -9 does to the run's thread: nothing after it runs, no catch, no commit. */
    static final class ProcessStopped extends Error {
        ProcessStopped() {
            super("the process stopped");
        }
    }
}
