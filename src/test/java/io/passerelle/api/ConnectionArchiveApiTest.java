package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.connection.ConnectionArchivedException;
import io.passerelle.connection.ConnectionBusyException;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.CredentialCipher;
import io.passerelle.ops.ConnectionRunsHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code DELETE} of a connection with history archives it: the answer says what was kept, the connection is gone
 * from every listing and action, and {@code POST} of the same id brings it back with its history.
 */
class ConnectionArchiveApiTest extends ApiTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CredentialCipher cipher;
    @Autowired
    ConnectionService connections;
    @Autowired
    ConnectionRunsHealthIndicator health;

    private void create(String id) {
        Response created = call("POST", "/api/connections", ADMIN, toJson(ConnectionApiTest.payload(id)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** A run row as the run store writes it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> healthOfConnections() {
        return (Map<String, Object>) health.health().getDetails().get("connections");
    }

    private long run(String connectionId, String flow, String status) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("insert into sync_run (connection_id, flow, direction, trigger_type, mode, started_at, finished_at,"
                + " status) values (?, ?, 'OUT', 'API', 'INCREMENTAL', ?, ?, ?)", connectionId, flow, now,
                "RUNNING".equals(status) ? null : now, status);
        return jdbc.queryForObject("select max(id) from sync_run where connection_id = ?", Long.class, connectionId);
    }

    private void exported(String connectionId, String sourceId) {
        jdbc.update("insert into export_item (connection_id, kind, source_id, idempotency_key, state, attempts, updated_at)"
                + " values (?, 'COMMITMENT', ?, ?, 'ACCEPTED', 1, ?)", connectionId, sourceId, "commitment-" + sourceId,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    @Test
    void aConnectionWithHistoryIsArchivedAndTheAnswerSaysWhatWasKept() {
        create("acme-archive");
        run("acme-archive", "commitments", "SUCCEEDED");
        exported("acme-archive", "41");
        assertThat(healthOfConnections()).containsKey("acme-archive");

        Response deleted = call("DELETE", "/api/connections/acme-archive", ENGINEER);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        JsonNode body = deleted.node();
        assertThat(body.path("id").asText()).isEqualTo("acme-archive");
        assertThat(body.path("archived").asBoolean()).isTrue();
        assertThat(body.path("archivedAt").asText()).endsWith("Z");
        assertThat(body.path("kept").path("runs").asLong()).isEqualTo(1);
        assertThat(body.path("kept").path("exportItems").asLong()).isEqualTo(1);
        assertThat(body.path("message").asText()).contains("archived, not deleted").contains("POST /api/connections")
                .contains("nothing it exported is sent again");

        // the row and its history stay; the secrets do not
        assertThat(jdbc.queryForObject("select count(*) from export_item where connection_id = ?", Integer.class,
                "acme-archive")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from sync_run where connection_id = ?", Integer.class,
                "acme-archive")).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("select credentials, archived_by from connection where id = ?",
                "acme-archive");
        assertThat(cipher.decrypt((String) row.get("credentials"), "acme-archive")).isEqualTo("{}");
        assertThat(row.get("archived_by")).isEqualTo("test-engineer");
        assertThat(healthOfConnections()).doesNotContainKey("acme-archive");
    }

    @Test
    void anArchivedConnectionIsGoneFromEveryListingAndAction() {
        create("acme-gone");
        run("acme-gone", "projects", "SUCCEEDED");
        assertThat(call("DELETE", "/api/connections/acme-gone", ADMIN).status()).isEqualTo(200);

        for (String[] call : List.of(new String[] {"GET", ""}, new String[] {"DELETE", ""},
                new String[] {"POST", "/test"}, new String[] {"POST", "/sync/projects"},
                new String[] {"POST", "/export/commitments"}, new String[] {"GET", "/records/projects"},
                new String[] {"GET", "/maps/hourTypes"})) {
            Response gone = call(call[0], "/api/connections/acme-gone" + call[1], ADMIN);
            assertThat(gone.status()).as(call[0] + " " + call[1] + ": " + gone).isEqualTo(404);
            assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
            assertThat(gone.errorFields()).containsExactly("id");
            if (!call[1].startsWith("/maps")) {
                assertThat(gone.node().path("detail").asText()).as(call[1]).contains("was archived")
                        .contains("create it again");
            }
        }
        Response put = call("PUT", "/api/connections/acme-gone", ADMIN, toJson(ConnectionApiTest.payload("acme-gone")));
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.node().path("detail").asText()).contains("was archived");
        verify(syncLauncher, never()).start(eq("acme-gone"), anyString(), any(), any());

        List<String> listed = new ArrayList<>();
        call("GET", "/api/connections", VIEWER).node().forEach(c -> listed.add(c.path("id").asText()));
        assertThat(listed).doesNotContain("acme-gone");
        assertThat(connections.all()).noneMatch(c -> c.id().equals("acme-gone"));
        assertThat(connections.find("acme-gone")).isEmpty();
    }

    @Test
    void creatingTheSameIdAgainPicksUpItsHistory() {
        create("acme-again");
        run("acme-again", "commitments", "SUCCEEDED");
        exported("acme-again", "7");
        assertThat(call("DELETE", "/api/connections/acme-again", ADMIN).status()).isEqualTo(200);

        Map<String, Object> body = new LinkedHashMap<>(ConnectionApiTest.payload("acme-again"));
        body.put("credentials", Map.of("user", "integration", "password", "n3w-Pa55", "tenant", "ACME"));
        body.put("company", Map.of("code", "ACME", "name", "Acme, renamed meanwhile"));
        Response again = call("POST", "/api/connections", ENGINEER, toJson(body));

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.node().path("company").path("name").asText()).isEqualTo("Acme, renamed meanwhile");
        assertThat(call("GET", "/api/connections/acme-again", VIEWER).status()).isEqualTo(200);
        assertThat(connections.get("acme-again").credential("password")).isEqualTo("n3w-Pa55");
        assertThat(jdbc.queryForObject("select count(*) from export_item where connection_id = ? and source_id = '7'",
                Integer.class, "acme-again")).as("the ledger is picked up").isEqualTo(1);
        assertThat(jdbc.queryForObject("select archived_at from connection where id = ?", OffsetDateTime.class,
                "acme-again")).isNull();
        assertThat(call("POST", "/api/connections", ENGINEER, toJson(body)).status()).as("live again").isEqualTo(409);
    }

    @Test
    void anotherErpOrCompanyCannotTakeOverAnArchivedHistory() {
        create("acme-taken-over");
        run("acme-taken-over", "projects", "SUCCEEDED");
        assertThat(call("DELETE", "/api/connections/acme-taken-over", ADMIN).status()).isEqualTo(200);

        Map<String, Object> otherCompany = new LinkedHashMap<>(ConnectionApiTest.payload("acme-taken-over"));
        otherCompany.put("company", Map.of("code", "OTHER", "name", "Another company"));
        Response company = call("POST", "/api/connections", ADMIN, toJson(otherCompany));
        assertThat(company.status()).as(company.toString()).isEqualTo(409);
        assertThat(company.errorFields()).containsExactly("company.code");
        assertThat(company.node().path("detail").asText()).contains("'ACME'").contains("'OTHER'");

        Map<String, Object> otherErp = new LinkedHashMap<>(ConnectionApiTest.payload("acme-taken-over"));
        otherErp.put("erp", "avantage");
        otherErp.put("endpoints", List.of(Map.of("name", "main", "url", "tcp://erp.acme.example:2131", "default", true)));
        otherErp.put("credentials", Map.of("user", "integration", "password", "pw"));
        otherErp.put("options", Map.of());
        Response erp = call("POST", "/api/connections", ADMIN, toJson(otherErp));
        assertThat(erp.status()).as(erp.toString()).isEqualTo(409);
        assertThat(erp.errorFields()).containsExactly("erp");

        assertThat(call("GET", "/api/connections/acme-taken-over", ADMIN).status()).as("still archived").isEqualTo(404);
    }

    @Test
    void aConnectionWithoutHistoryIsStillDeletedOutright() {
        create("acme-no-history");
        assertThat(call("DELETE", "/api/connections/acme-no-history", ENGINEER).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from connection where id = ?", Integer.class, "acme-no-history"))
                .isZero();
        Response missing = call("GET", "/api/connections/acme-no-history", ADMIN);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.node().path("detail").asText()).doesNotContain("archived");
    }

    @Test
    void aDeleteWhileARunIsGoingIsAConflictInWords() {
        create("acme-busy");
        long runId = run("acme-busy", "projects", "RUNNING");

        Response busy = call("DELETE", "/api/connections/acme-busy", ENGINEER);

        assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
        assertThat(busy.header("Content-Type")).startsWith("application/problem+json");
        assertThat(busy.node().path("detail").asText())
                .contains("cannot be deleted while a run of it is going").contains("run " + runId + ", flow projects");
        assertThat(busy.errorFields()).containsExactly("id");
        assertThat(call("GET", "/api/connections/acme-busy", ADMIN).status()).as("untouched").isEqualTo(200);

        jdbc.update("update sync_run set status = 'SUCCEEDED' where id = ?", runId);
        assertThat(call("DELETE", "/api/connections/acme-busy", ENGINEER).status()).isEqualTo(200);
    }

    // --- the row lock: a run that starts and an archive at the same moment -----------------------------------

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Runs {@code work} on a thread of its own and checks that it does not finish while the caller holds the lock:
     * without the lock it would be done in a few milliseconds. (A thread that waits for PostgreSQL is RUNNABLE in a
     * socket read, so its state tells nothing; half a second is well within H2's lock timeout of two.)
     */
    private static <T> CompletableFuture<T> blockedOnTheLock(Supplier<T> work) {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(work);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> !result.isDone());
        return result;
    }

    @Test
    void aDeleteAtTheMomentARunStartsWaitsForItsRowsThenRefuses() {
        create("acme-race-run");
        CompletableFuture<?> delete = connections.lockedForRun("acme-race-run", connection -> {
            long runId = run("acme-race-run", "projects", "RUNNING"); // what a launcher writes under the lock
            return blockedOnTheLock(() -> connections.delete("acme-race-run", "test"));
        });
        assertThat(delete).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingCause().isInstanceOf(ConnectionBusyException.class).withMessageContaining("flow projects");
        assertThat(connections.find("acme-race-run")).isPresent();
    }

    @Test
    void aRunThatStartsAtTheMomentOfAnArchiveWaitsThenIsRefused() {
        create("acme-race-archive");
        run("acme-race-archive", "projects", "SUCCEEDED");
        CompletableFuture<String> start = new TransactionTemplate(transactions).execute(status -> {
            assertThat(connections.delete("acme-race-archive", "test").archived()).isTrue();
            return blockedOnTheLock(() -> connections.lockedForRun("acme-race-archive", connection -> "started"));
        });
        assertThat(start).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingCause().isInstanceOf(ConnectionArchivedException.class);
    }

    /**
     * H2 gives up on a row lock after its lock timeout; the call is a 503 saying to try again, not a 500 with the
     * database's words. (PostgreSQL has no lock timeout unless one is set: there the call waits.)
     */
    @Test
    void aDeleteThatCannotHaveTheRowInTimeIsBusyToTryAgain() throws Exception {
        assumeTrue(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).equals("H2"),
                "H2's lock timeout");
        create("acme-held");
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> connections.lockedForRun("acme-held",
                connection -> {
                    held.countDown();
                    try {
                        return release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
        assertThat(held.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        Response deleted;
        try {
            deleted = call("DELETE", "/api/connections/acme-held", ENGINEER);
        } finally {
            release.countDown();
        }
        holder.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(503);
        assertThat(deleted.header("Content-Type")).startsWith("application/problem+json");
        assertThat(deleted.header("Retry-After")).isEqualTo("1");
        assertThat(deleted.node().path("detail").asText()).contains("try again");
        assertThat(deleted.body()).doesNotContainIgnoringCase("select").doesNotContain("Exception")
                .doesNotContain("connection c");
        assertThat(connections.find("acme-held")).as("nothing was done").isPresent();
    }
}
