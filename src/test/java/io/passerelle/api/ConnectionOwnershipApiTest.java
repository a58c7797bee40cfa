package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.api.security.ConnectionAccess;
import io.passerelle.run.RunView;
import io.passerelle.sync.RecordPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections belong to the token that created them, and the seed's "Allow other users to edit this connection"
 * switch opens them to every ENGINEER (and their companies' data to every token): alice and bob are two ENGINEERs.
 */
class ConnectionOwnershipApiTest extends ApiTestSupport {

    private static final String ID = "owned-by-alice";
    private static final String PATH = "/api/connections/" + ID;
    private static final String CLOSED = "connection " + ID + " belongs to alice: only alice or an ADMIN may change "
            + "it, unless alice allows others to edit it";
    private static final String CLOSED_DATA = "connection " + ID + " belongs to alice: only alice or an ADMIN may "
            + "see its companies and their data, unless alice allows others to edit it";

    @BeforeEach
    void recordsAndRunsAreThere() {
        call("DELETE", PATH, ADMIN);
        when(recordReader.list(eq(ID), anyString(), any(), anyInt(), any())).thenReturn(new RecordPage(List.of(), null));
        when(recordReader.listOfCompany(anyLong(), anyString(), any(), anyInt(), any()))
                .thenReturn(new RecordPage(List.of(), null));
        when(runHistory.find(77L)).thenReturn(Optional.of(new RunView(77, ID, "employees", "IN", "API", "INCREMENTAL",
                Instant.parse("2026-11-16T08:00:00Z"), Instant.parse("2026-11-16T08:00:05Z"), "PARTIAL",
                Map.of("failed", 1), null)));
    }

    @Test
    void theCreatorOwnsItAndOnlyItOrAnAdminChangesItOrSeesItsCompanies() {
        Response created = call("POST", "/api/connections", ALICE, toJson(body()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.node().path("owner").asText()).isEqualTo("alice");
        assertThat(created.node().path("allowOthersToEdit").asBoolean()).isFalse();
        assertThat(created.node().has("warnings")).as("nothing to warn of").isFalse();
        long company = ownCompany(ALICE);

        assertClosedToBob();
        Response viewer = call("GET", PATH + "/records/employees", VIEWER);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.node().path("detail").asText()).isEqualTo(CLOSED_DATA);

        // the connection's settings stay readable by all, credentials redacted
        for (String token : List.of(BOB, VIEWER, APPROVER)) {
            Response read = call("GET", PATH, token);
            assertThat(read.status()).as(token).isEqualTo(200);
            assertThat(read.node().path("owner").asText()).isEqualTo("alice");
            assertThat(read.node().path("credentials").path("password").asText()).isEqualTo("****");
            assertThat(ids(call("GET", "/api/connections", token).node())).as(token).contains(ID);
            assertThat(call("GET", PATH + "/cursors", token).status()).as(token).isEqualTo(200);
        }
        assertThat(companyIds(call("GET", "/api/companies?q=Alice", BOB).node())).doesNotContain(company);
        assertThat(companyIds(call("GET", "/api/companies?q=Alice", VIEWER).node())).doesNotContain(company);
        assertThat(companyIds(call("GET", "/api/companies?q=Alice", ALICE).node())).contains(company);
        assertThat(companyIds(call("GET", "/api/companies?q=Alice", ADMIN).node())).contains(company);

        for (String token : List.of(ALICE, ADMIN)) {
            assertThat(call("GET", PATH + "/records/employees", token).status()).as(token).isEqualTo(200);
            assertThat(call("GET", "/api/companies/" + company, token).status()).as(token).isEqualTo(200);
            assertThat(call("GET", "/api/companies/" + company + "/records/customers", token).status()).isEqualTo(200);
            assertThat(call("POST", PATH + "/test", token).status()).as(token).isEqualTo(200);
            assertThat(call("POST", PATH + "/sync/employees", token).status()).as(token).isEqualTo(202);
        }
    }

    @Test
    void theOwnerOpensItAndIsWarnedThenEveryEngineerMayAndTheOwnerStays() {
        assertThat(call("POST", "/api/connections", ALICE, toJson(body())).status()).isEqualTo(201);
        long company = ownCompany(ALICE);

        Map<String, Object> open = body();
        open.put("allowOthersToEdit", true);
        Response opened = call("PUT", PATH, ALICE, toJson(open));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.node().path("owner").asText()).as("a PUT without owner keeps it").isEqualTo("alice");
        assertThat(opened.node().path("allowOthersToEdit").asBoolean()).isTrue();
        assertThat(opened.node().path("warnings")).extracting(JsonNode::asText)
                .containsExactly(ConnectionAccess.OPENED_WARNING);
        assertThat(call("PUT", PATH, ALICE, toJson(open)).node().has("warnings")).as("once, when it turns on").isFalse();

        Map<String, Object> renamed = body(); // neither owner nor switch: both kept
        renamed.put("company", Map.of("code", "ALICECO", "name", "Alice & Co, renamed by bob"));
        Response changed = call("PUT", PATH, BOB, toJson(renamed));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.node().path("owner").asText()).isEqualTo("alice");
        assertThat(changed.node().path("allowOthersToEdit").asBoolean()).isTrue();
        assertThat(call("POST", PATH + "/test", BOB).status()).isEqualTo(200);
        assertThat(call("POST", PATH + "/sync/employees", BOB).status()).isEqualTo(202);
        assertThat(call("GET", PATH + "/records/employees", BOB).status()).isEqualTo(200);
        assertThat(call("GET", PATH + "/companies", BOB).status()).isEqualTo(200);
        assertThat(call("GET", "/api/companies/" + company, BOB).status()).isEqualTo(200);
        assertThat(call("GET", "/api/companies/" + company + "/records/customers", BOB).status()).isEqualTo(200);
        assertThat(companyIds(call("GET", "/api/companies?q=Alice", BOB).node())).contains(company);
        assertThat(call("GET", PATH + "/records/employees", VIEWER).status()).as("open to readers too").isEqualTo(200);
        assertThat(call("GET", "/api/companies/" + company, VIEWER).status()).isEqualTo(200);

        Map<String, Object> takeOver = body();
        takeOver.put("owner", "bob");
        Response taken = call("PUT", PATH, BOB, toJson(takeOver));
        assertThat(taken.status()).isEqualTo(403);
        assertThat(taken.errorFields()).containsExactly("owner");
        assertThat(taken.node().path("detail").asText())
                .isEqualTo("only an ADMIN may change the owner of connection " + ID + " (alice): leave owner out to keep it");
        Map<String, Object> close = body();
        close.put("allowOthersToEdit", false);
        Response closed = call("PUT", PATH, BOB, toJson(close));
        assertThat(closed.status()).isEqualTo(403);
        assertThat(closed.errorFields()).containsExactly("allowOthersToEdit");
        assertThat(closed.node().path("detail").asText()).isEqualTo("only alice or an ADMIN may turn allowOthersToEdit "
                + "on or off for connection " + ID + ": leave it out to keep it");

        assertThat(call("PUT", PATH, ALICE, toJson(close)).status()).as("the owner closes it again").isEqualTo(200);
        assertClosedToBob();
        assertThat(call("DELETE", PATH, ALICE).status()).isIn(200, 204);
    }

    @Test
    void anAdminNamesAnyOwnerAndAlwaysMayAnEngineerOnlyItself() {
        Map<String, Object> forBob = body();
        forBob.put("owner", "bob");
        Response refused = call("POST", "/api/connections", ALICE, toJson(forBob));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorFields()).containsExactly("owner");
        assertThat(refused.node().path("detail").asText()).isEqualTo("only an ADMIN may make another token the owner of "
                + "a connection: leave owner out, or name yourself (alice)");
        assertThat(call("GET", PATH, ADMIN).status()).as("nothing was created").isEqualTo(404);

        Map<String, Object> forAlice = body();
        forAlice.put("owner", "alice");
        Response created = call("POST", "/api/connections", ADMIN, toJson(forAlice));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.node().path("owner").asText()).isEqualTo("alice");
        assertClosedToBob();
        assertThat(call("PUT", PATH, ADMIN, toJson(body())).node().path("owner").asText()).isEqualTo("alice");
        assertThat(call("POST", PATH + "/test", ADMIN).status()).isEqualTo(200);
        Response handedOver = call("PUT", PATH, ADMIN, toJson(forBob));
        assertThat(handedOver.status()).isEqualTo(200);
        assertThat(handedOver.node().path("owner").asText()).isEqualTo("bob");
        assertThat(call("PUT", PATH, BOB, toJson(body())).status()).as("bob's now").isEqualTo(200);
        assertThat(call("POST", PATH + "/test", ALICE).status()).isEqualTo(403);
        assertThat(call("DELETE", PATH, ADMIN).status()).isIn(200, 204);
    }

    @Test
    void anOpenConnectionCreatedIsWarnedOf() {
        Map<String, Object> open = body();
        open.put("allowOthersToEdit", true);
        Response created = call("POST", "/api/connections", ALICE, toJson(open));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.node().path("warnings")).extracting(JsonNode::asText)
                .containsExactly(ConnectionAccess.OPENED_WARNING);
        assertThat(call("GET", PATH, ALICE).node().has("warnings")).as("an answer of the change only").isFalse();
    }

    @Test
    void everyEndpointUnderAConnectionCompanyOrRunIsOneTheGuardSees() {
        assertThat(ConnectionGuard.unguarded(List.of("/api/connections", "/api/connections/{id}",
                "/api/connections/{id}/records/{entity}", "/api/companies/{id}/checks", "/api/runs/{runId}/retry",
                "/api/connections/{connectionId}/widgets", "/api/companies/{companyId}", "/api/runs/{run}/retry")))
                .containsExactly("/api/connections/{connectionId}/widgets", "/api/companies/{companyId}",
                        "/api/runs/{run}/retry");
    }

    private void assertClosedToBob() {
        List<Response> refused = new ArrayList<>();
        refused.add(call("PUT", PATH, BOB, toJson(body())));
        refused.add(call("DELETE", PATH, BOB));
        refused.add(call("POST", PATH + "/test", BOB));
        refused.add(call("POST", PATH + "/sync/all", BOB));
        refused.add(call("POST", PATH + "/export/commitments", BOB));
        refused.add(call("PUT", PATH + "/companies", BOB, "{\"selected\": []}"));
        refused.add(call("PUT", PATH + "/cursors/employees", BOB, "{\"watermark\": null}"));
        for (Response answer : refused) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.node().path("detail").asText()).isEqualTo(CLOSED);
            assertThat(answer.errorFields()).containsExactly("id");
        }
        for (Response answer : List.of(call("GET", PATH + "/records/employees", BOB),
                call("GET", PATH + "/companies", BOB))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.node().path("detail").asText()).isEqualTo(CLOSED_DATA);
        }
        Response retry = call("POST", "/api/runs/77/retry", BOB);
        assertThat(retry.status()).isEqualTo(403);
        assertThat(retry.errorFields()).containsExactly("runId");
        assertThat(call("GET", "/api/runs/77", BOB).status()).as("runs are read by all").isEqualTo(200);

        long company = ownCompany(ADMIN);
        Response closedCompany = call("GET", "/api/companies/" + company, BOB);
        assertThat(closedCompany.status()).isEqualTo(403);
        assertThat(closedCompany.node().path("detail").asText()).isEqualTo("company " + company + " is brought only "
                + "by connections closed to bob: " + ID + " (belongs to alice); only their owners or an ADMIN may see "
                + "its data, unless an owner allows others to edit the connection");
        assertThat(call("GET", "/api/companies/" + company + "/records/customers", BOB).status()).isEqualTo(403);
        assertThat(call("GET", "/api/companies/" + company + "/checks", BOB).status()).isEqualTo(403);
        assertThat(call("POST", "/api/companies/" + company + "/relations", BOB,
                "{\"role\": \"AUDITOR\", \"type\": \"COMPANY\", \"name\": \"X\"}").status()).isEqualTo(403);
    }

    /** The connection's own company (the fake ERP imports none), as its owner or an ADMIN sees it. */
    private long ownCompany(String token) {
        Response companies = call("GET", PATH + "/companies", token);
        assertThat(companies.status()).as(companies.toString()).isEqualTo(200);
        return companies.node().path("items").get(0).path("company").asLong();
    }

    private static Map<String, Object> body() {
        Map<String, Object> body = ConnectionApiTest.payload(ID);
        body.remove("owner");
        body.remove("allowOthersToEdit");
        body.put("company", Map.of("code", "ALICECO", "name", "Alice & Co"));
        return body;
    }

    private static List<String> ids(JsonNode connections) {
        List<String> ids = new ArrayList<>();
        connections.forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private static List<Long> companyIds(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(c -> ids.add(c.path("id").asLong()));
        return ids;
    }
}
