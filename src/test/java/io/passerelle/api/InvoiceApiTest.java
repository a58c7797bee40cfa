package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class InvoiceApiTest extends ApprovalApiSupport {

    private static final String COMPANY = "INV";

    @Test
    void createsAnInvoiceReadyForAnApproverAndShowsIt() {
        String connection = connection(unique("inv-create"), COMPANY);
        String reference = unique("F");
        Response created = created("/api/invoices", invoice(COMPANY, connection, reference, 2));
        long id = created.node().path("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/invoices/" + id);
        JsonNode shown = call("GET", "/api/invoices/" + id, VIEWER).node();
        assertThat(shown.path("itemId").asText()).isEqualTo("invoice-" + id);
        assertThat(shown.path("state").asText()).isEqualTo("READY");
        assertThat(shown.path("reference").asText()).isEqualTo(reference);
        assertThat(shown.path("vendorId").asText()).isEqualTo("V-ACME");
        assertThat(shown.path("commitmentReference").asText()).isEqualTo("SC-0001");
        assertThat(shown.path("dueDate").asText()).isEqualTo("2026-04-09");
        assertThat(shown.path("total").decimalValue()).isEqualByComparingTo("501.00");
        assertThat(shown.path("lines")).hasSize(2);
        assertThat(shown.path("lines").get(0).path("amount").decimalValue()).isEqualByComparingTo("250.50");
        JsonNode listed = call("GET", "/api/invoices?company=" + COMPANY + "&state=READY", VIEWER).node();
        assertThat(listed.path("items").findValuesAsText("reference")).contains(reference);
    }

    @Test
    void namesEveryFieldAtFault() {
        String connection = connection(unique("inv-invalid"), COMPANY);
        Map<String, Object> body = invoice(COMPANY, connection, unique("F"), 2);
        body.put("date", "2026-13-01");
        body.put("dueDate", "soon");
        body.remove("projectId");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("lines");
        lines.get(1).put("amount", 12.345);
        lines.get(0).remove("projectTaskId");
        Response answer = call("POST", "/api/invoices", ENGINEER, toJson(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("date", "dueDate", "projectId",
                "lines[0].projectTaskId", "lines[1].amount");

        Map<String, Object> early = invoice(COMPANY, connection, unique("F"), 1);
        early.put("dueDate", "2026-03-01");
        Response due = call("POST", "/api/invoices", ENGINEER, toJson(early));
        assertThat(due.errorFields()).containsExactly("dueDate");
    }

    @Test
    void aReferenceIsTakenOncePerCompanyAndVendor() {
        String connection = connection(unique("inv-ref"), COMPANY);
        String reference = unique("F");
        created("/api/invoices", invoice(COMPANY, connection, reference, 1));
        Response again = call("POST", "/api/invoices", ENGINEER, toJson(invoice(COMPANY, connection, reference, 1)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorFields()).containsExactly("reference");
        Map<String, Object> sameVendorSpelledOtherwise = invoice(COMPANY, connection, reference, 1);
        sameVendorSpelledOtherwise.put("vendorId", VENDOR + "\u00A0");
        assertThat(call("POST", "/api/invoices", ENGINEER, toJson(sameVendorSpelledOtherwise)).status())
                .as("the vendor is the synced one, whatever the spelling").isEqualTo(409);
        syncedVendor(connection, "V-OTHER");
        Map<String, Object> otherVendor = invoice(COMPANY, connection, reference, 1);
        otherVendor.put("vendorId", "V-OTHER");
        created("/api/invoices", otherVendor);
    }

    @Test
    void idsMustBeAmongTheSyncedRecordsAndATotalTheSumOfTheLines() {
        String connection = connection(unique("inv-synced"), COMPANY);
        Map<String, Object> body = invoice(COMPANY, connection, unique("F"), 2);
        body.put("vendorId", "ZZZ");
        body.put("projectId", "P-9999");
        body.put("total", 500.00);
        Response answer = call("POST", "/api/invoices", ENGINEER, toJson(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorFields()).as("the tasks are not looked up under an unknown project")
                .containsExactlyInAnyOrder("vendorId", "projectId", "total");
        assertThat(answer.body()).contains("no vendor 'ZZZ' among the vendors synced from " + connection)
                .contains("no project 'P-9999' among the projects synced from " + connection)
                .contains("must be the sum of the lines' amounts, 501.00, not 500.00");
        body.put("vendorId", VENDOR);
        body.put("projectId", PROJECT);
        body.put("total", 501);
        created("/api/invoices", body);
    }

    @Test
    void typeErrorsAreListedWithTheOtherFieldErrors() {
        String connection = connection(unique("inv-types"), COMPANY);
        Map<String, Object> body = invoice(COMPANY, connection, unique("F"), 2);
        body.put("total", "lots");
        body.remove("date");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("lines");
        lines.get(0).put("amount", "cent");
        lines.get(1).put("costCode", "99-999");
        Response answer = call("POST", "/api/invoices", ENGINEER, toJson(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("total", "lines[0].amount", "date",
                "lines[1].costCode");
    }

    @Test
    void aVendorIdBreakingTheFormatIsRefusedBeforeAnythingIsStored() {
        String connection = connection(unique("inv-formats"), COMPANY,
                Map.of("idFormats", Map.of("vendorId", Map.of("maxLength", 8, "allowed", "A-Z0-9"))));
        String reference = unique("F");
        Map<String, Object> body = invoice(COMPANY, connection, reference, 1);
        body.put("vendorId", "acme-supply");
        Response answer = call("POST", "/api/invoices", ENGINEER, toJson(body));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("vendorId", "vendorId", "vendorId");
        assertThat(answer.body()).contains("no vendor 'acme-supply' among the vendors synced from " + connection)
                .contains("is 11 characters; at most 8 allowed for vendor ids on connection " + connection)
                .contains("has characters not allowed ('a', 'c', 'm', 'e', '-', 's', 'u', 'p', 'l', 'y'); only [A-Z0-9]");
        assertThat(jdbc.queryForObject("select count(*) from invoice where reference_number = ?", Integer.class,
                reference)).isZero();
        syncedVendor(connection, "ACME01");
        body.put("vendorId", "ACME01");
        created("/api/invoices", body);
    }

    @Test
    void autoAcceptIsPerKind() {
        String connection = connection(unique("inv-auto"), COMPANY, Map.of("autoAccept", List.of("INVOICES")));
        JsonNode invoice = created("/api/invoices", invoice(COMPANY, connection, unique("F"), 1)).node();
        assertThat(invoice.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(invoice.path("decidedBy").asText()).isEqualTo("autoAccept");
        JsonNode commitment = created("/api/commitments", commitment(COMPANY, connection, unique("SC"), 1)).node();
        assertThat(commitment.path("state").asText()).isEqualTo("READY");
    }

    @Test
    void showsTheExportState() {
        String connection = connection(unique("inv-export"), COMPANY, Map.of("autoAccept", List.of("INVOICES")));
        long id = created("/api/invoices", invoice(COMPANY, connection, unique("F"), 1)).node().path("id").asLong();
        exportItem(connection, "INVOICE", id, "UNKNOWN", null, "timed out");
        JsonNode inDoubt = call("GET", "/api/invoices/" + id, VIEWER).node();
        assertThat(inDoubt.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(inDoubt.path("export").path("state").asText()).isEqualTo("UNKNOWN");
        exportItem(connection, "INVOICE", id, "ACCEPTED", "CREATED", "Bill 000123 on hold");
        JsonNode exported = call("GET", "/api/invoices/" + id, VIEWER).node();
        assertThat(exported.path("state").asText()).isEqualTo("EXPORTED");
        assertThat(exported.path("export").path("message").asText()).isEqualTo("Bill 000123 on hold");
    }

    @Test
    void viewersAndApproversCannotWrite() {
        String connection = connection(unique("inv-roles"), COMPANY);
        String body = toJson(invoice(COMPANY, connection, unique("F"), 1));
        assertThat(call("POST", "/api/invoices", VIEWER, body).status()).isEqualTo(403);
        assertThat(call("POST", "/api/invoices", INVOICE_APPROVER, body).status()).isEqualTo(403);
        assertThat(call("GET", "/api/invoices/424242", VIEWER).status()).isEqualTo(404);
    }
}
