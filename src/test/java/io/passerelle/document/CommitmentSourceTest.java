package io.passerelle.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.passerelle.api.ApprovalApiSupport;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionService;
import io.passerelle.export.ExportCandidate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Which commitments the export engine is given, in which order, with what: against the API's database. */
class CommitmentSourceTest extends ApprovalApiSupport {

    private static final String COMPANY = "CMTSRC";

    @Autowired
    private DocumentSource<CommitmentTerms, CommitmentLine> source;
    @Autowired
    private ConnectionService connections;

    private long create(String connection, Map<String, Object> body) {
        return created("/api/commitments", body).node().path("id").asLong();
    }

    @Test
    void candidatesAreTheAcceptedOnesTheConnectionDoesNotHoldYet() {
        String auto = connection(unique("cmt-src"), COMPANY, Map.of("autoAccept", List.of("COMMITMENTS")));
        String gated = connection(unique("cmt-src-gated"), COMPANY);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(create(auto, commitment(COMPANY, auto, unique("SC"), 1)));
        }
        long ready = create(gated, commitment(COMPANY, gated, unique("SC"), 1));
        exportItem(auto, "COMMITMENT", ids.get(0), "ACCEPTED", null, null);
        exportItem(auto, "COMMITMENT", ids.get(1), "DUPLICATE", null, null);
        exportItem(auto, "COMMITMENT", ids.get(2), "SENT", null, null);
        exportItem(auto, "COMMITMENT", ids.get(3), "UNKNOWN", null, null);
        exportItem(auto, "COMMITMENT", ids.get(4), "REJECTED", "422", "bad vendor");
        exportItem(auto, "COMMITMENT", ids.get(5), "PENDING", null, null);
        // the same item held by another connection changes nothing for this one
        exportItem(gated, "COMMITMENT", ids.get(5), "ACCEPTED", null, null);

        var candidates = source.candidates(connections.get(auto), null, 100);
        assertThat(candidates).extracting(ExportCandidate::sourceId)
                .containsExactly(String.valueOf(ids.get(4)), String.valueOf(ids.get(5)));
        assertThat(candidates.get(0).data().exportState()).isEqualTo("REJECTED");
        assertThat(candidates.get(1).data().exportState()).isEqualTo("PENDING");
        assertThat(source.candidates(connections.get(gated), null, 100)).isEmpty();
        assertThat(ready).isPositive();
        assertThat(source.kind()).isEqualTo("COMMITMENT");
    }

    @Test
    void eachCandidateCarriesWhatASinkNeeds() {
        String connection = connection(unique("cmt-src-data"), COMPANY, Map.of("autoAccept", "COMMITMENTS"));
        Map<String, Object> body = commitment(COMPANY, connection, unique("PO"), 2);
        body.put("type", "purchase_order");
        long id = create(connection, body);
        Connection c = connections.get(connection);
        var candidate = source.candidates(c, null, 10).get(0);
        var data = candidate.data();
        assertThat(candidate.sourceId()).isEqualTo(String.valueOf(id));
        assertThat(candidate.idempotencyKey()).isEqualTo("PURCHASE_ORDER:" + body.get("reference"));
        assertThat(data.id()).isEqualTo(id);
        assertThat(data.company()).isEqualTo(COMPANY);
        assertThat(data.connection()).isEqualTo(connection);
        assertThat(data.terms().type()).isEqualTo(CommitmentType.PURCHASE_ORDER);
        assertThat(data.reference()).isEqualTo(body.get("reference"));
        assertThat(data.vendorId()).isEqualTo("V-ACME");
        assertThat(data.projectId()).isEqualTo("P-1001");
        assertThat(data.description()).isEqualTo("Coffrage niveau 2");
        assertThat(data.date()).hasToString("2026-03-02");
        assertThat(data.exportState()).isNull();
        assertThat(data.lines()).containsExactly(
                new CommitmentLine("T-00", "01-100", "ligne 0", new BigDecimal("2"), new BigDecimal("50"),
                        new BigDecimal("100.00")),
                new CommitmentLine("T-01", "01-101", "ligne 1", new BigDecimal("2"), new BigDecimal("50"),
                        new BigDecimal("100.00")));
    }

    @Test
    void aLinkedPlatformProjectGoesAsItsErpProjectAndIsRefusedOnceTheLinkIsGone() {
        String connection = connection(unique("cmt-src-link"), COMPANY, Map.of("autoAccept", List.of("COMMITMENTS")));
        String map = "/api/connections/" + connection + "/maps/projects";
        Response linked = call("PUT", map, ADMIN, toJson(Map.of("entries",
                List.of(Map.of("platformCode", "DRV-118", "erpCode", PROJECT)))));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        Map<String, Object> body = commitment(COMPANY, connection, unique("SC"), 2);
        body.put("projectId", "DRV-118");
        long platform = create(connection, body);
        long erp = create(connection, commitment(COMPANY, connection, unique("SC"), 1));
        assertThat(call("GET", "/api/commitments/" + platform, ADMIN).node().path("projectId").asText())
                .as("the document keeps the platform's project").isEqualTo("DRV-118");

        Connection c = connections.get(connection);
        assertThat(source.candidates(c, null, 10)).extracting(ExportCandidate::sourceId, cand -> cand.data().projectId(),
                ExportCandidate::refusal).containsExactly(
                        tuple(String.valueOf(platform), PROJECT, null), tuple(String.valueOf(erp), PROJECT, null));

        call("PUT", map, ADMIN, toJson(Map.of("entries", List.of())));
        var candidates = source.candidates(c, null, 10);
        assertThat(candidates.get(0).refusal()).isEqualTo(new ExportCandidate.Refusal("PROJECT_NOT_LINKED",
                "project DRV-118 is not linked to a fake-erp project: PUT /api/connections/" + connection
                        + "/maps/projects (nor is it the number of a project synced from fake-erp)"));
        assertThat(candidates.get(1).refusal()).as("an ERP project goes as it always did").isNull();
        assertThat(candidates.get(1).data().projectId()).isEqualTo(PROJECT);
    }

    @Test
    void pagesByIdWithAKeyset() {
        String connection = connection(unique("cmt-src-page"), COMPANY, Map.of("autoAccept", List.of("COMMITMENTS")));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add(String.valueOf(create(connection, commitment(COMPANY, connection, unique("SC"), 1 + i % 3))));
        }
        Connection c = connections.get(connection);
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        List<ExportCandidate<ExportableDocument<CommitmentTerms, CommitmentLine>>> page;
        while (!(page = source.candidates(c, after, 5)).isEmpty()) {
            assertThat(page.size()).isLessThanOrEqualTo(5);
            page.forEach(candidate -> seen.add(candidate.sourceId()));
            page.forEach(candidate -> assertThat(candidate.data().lines()).isNotEmpty());
            after = page.get(page.size() - 1).sourceId();
            pages++;
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }
}
