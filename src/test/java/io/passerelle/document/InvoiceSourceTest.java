package io.passerelle.document;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Which invoices the export engine is given, in which order, with what: against the API's database. */
class InvoiceSourceTest extends ApprovalApiSupport {

    private static final String COMPANY = "INVSRC";

    @Autowired
    private DocumentSource<InvoiceTerms, InvoiceLine> source;
    @Autowired
    private ConnectionService connections;

    private long create(Map<String, Object> body) {
        return created("/api/invoices", body).node().path("id").asLong();
    }

    @Test
    void candidatesAreTheAcceptedOnesTheConnectionDoesNotHoldYet() {
        String connection = connection(unique("inv-src"), COMPANY);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(invoice(COMPANY, connection, unique("F"), 1)));
        }
        assertThat(source.candidates(connections.get(connection), null, 100)).isEmpty();
        for (long id : ids) {
            String action = id == ids.get(1) ? "reject" : "accept";
            Response decided = call("POST", "/api/approvals/invoice-" + id + "/" + action, INVOICE_APPROVER,
                    "{\"reason\": \"duplicate bill\"}");
            assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        }
        exportItem(connection, "INVOICE", ids.get(2), "ACCEPTED", null, null);
        exportItem(connection, "INVOICE", ids.get(3), "REJECTED", "422", "Vendor is on hold");
        var candidates = source.candidates(connections.get(connection), null, 100);
        assertThat(candidates).extracting(ExportCandidate::sourceId)
                .containsExactly(String.valueOf(ids.get(0)), String.valueOf(ids.get(3)), String.valueOf(ids.get(4)));
        assertThat(source.kind()).isEqualTo("INVOICE");
    }

    @Test
    void eachCandidateCarriesWhatASinkNeeds() {
        String connection = connection(unique("inv-src-data"), COMPANY, Map.of("autoAccept", List.of("invoices")));
        Map<String, Object> body = invoice(COMPANY, connection, unique("F"), 2);
        long id = create(body);
        var candidate = source.candidates(connections.get(connection), null, 10).get(0);
        var data = candidate.data();
        assertThat(candidate.sourceId()).isEqualTo(String.valueOf(id));
        assertThat(candidate.idempotencyKey()).isEqualTo("INVOICE:V-ACME:" + body.get("reference"));
        assertThat(data.reference()).isEqualTo(body.get("reference"));
        assertThat(data.vendorId()).isEqualTo("V-ACME");
        assertThat(data.projectId()).isEqualTo("P-1001");
        assertThat(data.terms().commitmentReference()).isEqualTo("SC-0001");
        assertThat(data.date()).hasToString("2026-03-10");
        assertThat(data.terms().dueDate()).hasToString("2026-04-09");
        assertThat(data.description()).isEqualTo("Facture mars");
        assertThat(data.company()).isEqualTo(COMPANY);
        assertThat(data.lines()).containsExactly(
                new InvoiceLine("T-00", "01-100", "ligne 0", new BigDecimal("250.50")),
                new InvoiceLine("T-01", "01-101", "ligne 1", new BigDecimal("250.50")));
    }

    @Test
    void pagesByIdWithAKeyset() {
        String connection = connection(unique("inv-src-page"), COMPANY, Map.of("autoAccept", List.of("INVOICES")));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            expected.add(String.valueOf(create(invoice(COMPANY, connection, unique("F"), 1))));
        }
        Connection c = connections.get(connection);
        List<String> seen = new ArrayList<>();
        String after = null;
        List<ExportCandidate<ExportableDocument<InvoiceTerms, InvoiceLine>>> page;
        while (!(page = source.candidates(c, after, 4)).isEmpty()) {
            page.forEach(candidate -> seen.add(candidate.sourceId()));
            after = page.get(page.size() - 1).sourceId();
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }
}
