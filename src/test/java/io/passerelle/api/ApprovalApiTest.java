package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.connection.ConnectionService;
import io.passerelle.document.CommitmentLine;
import io.passerelle.document.CommitmentTerms;
import io.passerelle.document.DocumentSource;
import io.passerelle.document.InvoiceLine;
import io.passerelle.document.InvoiceTerms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ApprovalApiTest extends ApprovalApiSupport {

    private static final String COMPANY = "APR";

    @Autowired
    private DocumentSource<CommitmentTerms, CommitmentLine> commitmentSource;
    @Autowired
    private DocumentSource<InvoiceTerms, InvoiceLine> invoiceSource;
    @Autowired
    private ConnectionService connections;

    private String newCommitment(String connection) {
        return created("/api/commitments", commitment(COMPANY, connection, unique("SC"), 1)).node()
                .path("itemId").asText();
    }

    private String newInvoice(String connection) {
        return created("/api/invoices", invoice(COMPANY, connection, unique("F"), 1)).node().path("itemId").asText();
    }

    @Test
    void aCommitmentWaitsUntilAnApproverWithCommitmentsAcceptsIt() {
        String connection = connection(unique("apr-accept"), COMPANY);
        String item = newCommitment(connection);
        assertThat(commitmentSource.candidates(connections.get(connection), null, 10)).isEmpty();

        JsonNode ready = call("GET", "/api/approvals?state=READY&kind=COMMITMENTS&connection=" + connection, VIEWER).node();
        assertThat(ready.path("items").findValuesAsText("id")).containsExactly(item);
        assertThat(ready.path("items").get(0).path("kind").asText()).isEqualTo("COMMITMENTS");
        assertThat(ready.path("items").get(0).path("type").asText()).isEqualTo("SUBCONTRACT");

        Response forbidden = call("POST", "/api/approvals/" + item + "/accept", INVOICE_APPROVER);
        assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
        assertThat(call("GET", "/api/approvals/" + item, VIEWER).node().path("state").asText()).isEqualTo("READY");

        Response accepted = call("POST", "/api/approvals/" + item + "/accept", APPROVER);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.node().path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.node().path("decidedBy").asText()).isEqualTo("test-approver");
        assertThat(accepted.node().path("decidedAt").asText()).endsWith("Z");
        assertThat(commitmentSource.candidates(connections.get(connection), null, 10))
                .extracting(c -> "commitment-" + c.sourceId()).containsExactly(item);

        Response twice = call("POST", "/api/approvals/" + item + "/accept", APPROVER);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("ACCEPTED, not READY");
        assertThat(call("POST", "/api/approvals/" + item + "/reject", ADMIN, "{\"reason\": \"late\"}").status())
                .isEqualTo(409);
    }

    @Test
    void capabilitiesAreCheckedPerKind() {
        String connection = connection(unique("apr-caps"), COMPANY);
        String invoice = newInvoice(connection);
        assertThat(call("POST", "/api/approvals/" + invoice + "/accept", APPROVER).status()).isEqualTo(403);
        assertThat(call("POST", "/api/approvals/" + invoice + "/reject", APPROVER, "{\"reason\": \"no\"}").status())
                .isEqualTo(403);
        Response accepted = call("POST", "/api/approvals/" + invoice + "/accept", INVOICE_APPROVER);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.node().path("decidedBy").asText()).isEqualTo("test-invoice-approver");
        assertThat(invoiceSource.candidates(connections.get(connection), null, 10)).hasSize(1);

        String commitment = newCommitment(connection);
        Response byAdmin = call("POST", "/api/approvals/" + commitment + "/accept", ADMIN);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.node().path("decidedBy").asText()).isEqualTo("test-admin");
    }

    @Test
    void viewersAndEngineersChangeNothing() {
        String connection = connection(unique("apr-viewer"), COMPANY);
        String commitment = newCommitment(connection);
        String invoice = newInvoice(connection);
        for (String item : List.of(commitment, invoice)) {
            for (String token : List.of(VIEWER, ENGINEER)) {
                assertThat(call("POST", "/api/approvals/" + item + "/accept", token).status()).isEqualTo(403);
                assertThat(call("POST", "/api/approvals/" + item + "/reject", token, "{\"reason\": \"x\"}").status())
                        .isEqualTo(403);
            }
            assertThat(call("POST", "/api/approvals/" + item + "/accept", null).status()).isEqualTo(401);
            assertThat(call("GET", "/api/approvals/" + item, VIEWER).node().path("state").asText()).isEqualTo("READY");
        }
        assertThat(call("GET", "/api/approvals", VIEWER).status()).isEqualTo(200);
        assertThat(call("GET", "/api/approvals", ENGINEER).status()).isEqualTo(200);
    }

    @Test
    void aRejectionNeedsAReasonAndTheItemIsNeverACandidate() {
        String connection = connection(unique("apr-reject"), COMPANY);
        String item = newCommitment(connection);
        Response noReason = call("POST", "/api/approvals/" + item + "/reject", APPROVER, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        Response noBody = call("POST", "/api/approvals/" + item + "/reject", APPROVER);
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.errorFields()).containsExactly("reason");
        Response blank = call("POST", "/api/approvals/" + item + "/reject", APPROVER, "{\"reason\": \"  \"}");
        assertThat(blank.errorFields()).containsExactly("reason");
        // a body whose validator does not list type errors is refused with them before its controller runs
        Response typed = call("POST", "/api/approvals/" + item + "/reject", APPROVER, "{\"reason\": {\"text\": \"x\"}}");
        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.errorFields()).containsExactly("reason");
        assertThat(typed.body()).contains("expected a string");

        Response rejected = call("POST", "/api/approvals/" + item + "/reject", APPROVER,
                "{\"reason\": \"wrong vendor\"}");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.node().path("state").asText()).isEqualTo("REJECTED");
        assertThat(rejected.node().path("reason").asText()).isEqualTo("wrong vendor");
        assertThat(rejected.node().path("decidedBy").asText()).isEqualTo("test-approver");

        assertThat(call("POST", "/api/approvals/" + item + "/accept", APPROVER).status()).isEqualTo(409);
        assertThat(commitmentSource.candidates(connections.get(connection), null, 10)).isEmpty();
        long id = Long.parseLong(item.substring("commitment-".length()));
        JsonNode shown = call("GET", "/api/commitments/" + id, VIEWER).node();
        assertThat(shown.path("state").asText()).isEqualTo("REJECTED");
        assertThat(shown.path("reason").asText()).isEqualTo("wrong vendor");
    }

    @Test
    void listsBothKindsPagedAndFiltered() {
        String company = "APRLIST";
        String connection = connection(unique("apr-list"), company);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.add(created("/api/commitments", commitment(company, connection, unique("SC"), 1)).node()
                    .path("itemId").asText());
        }
        for (int i = 0; i < 2; i++) {
            expected.add(created("/api/invoices", invoice(company, connection, unique("F"), 1)).node()
                    .path("itemId").asText());
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = call("GET", "/api/approvals?company=" + company + "&state=READY&limit=2"
                    + (after == null ? "" : "&after=" + after), VIEWER).node();
            page.path("items").forEach(item -> seen.add(item.path("id").asText()));
            after = page.path("next").isNull() ? null : page.path("next").asText();
        } while (after != null);
        assertThat(seen).containsExactlyElementsOf(expected);

        JsonNode invoices = call("GET", "/api/approvals?company=" + company + "&kind=INVOICES", VIEWER).node();
        assertThat(invoices.path("items").findValuesAsText("id")).containsExactlyElementsOf(expected.subList(3, 5));
        assertThat(invoices.path("items").get(0).path("href").asText()).startsWith("/api/invoices/");
        assertThat(call("GET", "/api/approvals?kind=TIMESHEETS", VIEWER).errorFields()).containsExactly("kind");
        assertThat(call("GET", "/api/approvals?state=SENT", VIEWER).errorFields()).containsExactly("state");
        assertThat(call("GET", "/api/approvals?company=" + company + "&state=ACCEPTED", VIEWER).node()
                .path("items")).isEmpty();
    }

    @Test
    void unknownItemsAreNotFound() {
        assertThat(call("POST", "/api/approvals/commitment-99999999/accept", ADMIN).status()).isEqualTo(404);
        assertThat(call("POST", "/api/approvals/invoice-99999999/accept", INVOICE_APPROVER).status()).isEqualTo(404);
        assertThat(call("POST", "/api/approvals/timesheet-1/accept", ADMIN).status()).isEqualTo(404);
        assertThat(call("GET", "/api/approvals/nothing", VIEWER).status()).isEqualTo(404);
    }
}
