package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CommitmentApiTest extends ApprovalApiSupport {

    private static final String COMPANY = "CMT";

    @Test
    void createsACommitmentReadyForAnApproverAndShowsItWithItsLines() {
        String connection = connection(unique("cmt-create"), COMPANY);
        String reference = unique("SC");
        Response created = created("/api/commitments", commitment(COMPANY, connection, reference, 2));
        JsonNode body = created.node();
        long id = body.path("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/commitments/" + id);
        assertThat(body.path("itemId").asText()).isEqualTo("commitment-" + id);
        assertThat(body.path("state").asText()).isEqualTo("READY");
        assertThat(body.path("createdBy").asText()).isEqualTo("test-engineer");
        assertThat(body.path("decidedBy").isNull()).isTrue();

        Response got = call("GET", "/api/commitments/" + id, VIEWER);
        assertThat(got.status()).isEqualTo(200);
        JsonNode shown = got.node();
        assertThat(shown.path("type").asText()).isEqualTo("SUBCONTRACT");
        assertThat(shown.path("reference").asText()).isEqualTo(reference);
        assertThat(shown.path("company").asText()).isEqualTo(COMPANY);
        assertThat(shown.path("connection").asText()).isEqualTo(connection);
        assertThat(shown.path("date").asText()).isEqualTo("2026-03-02");
        assertThat(shown.path("total").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(shown.path("lines")).hasSize(2);
        assertThat(shown.path("lines").get(1).path("projectTaskId").asText()).isEqualTo("T-01");
        assertThat(shown.path("lines").get(1).path("costCode").asText()).isEqualTo("01-101");
        assertThat(shown.path("lines").get(1).path("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(shown.path("lines").get(1).path("unitCost").decimalValue()).isEqualByComparingTo("50");
        assertThat(shown.path("export").isNull()).isTrue();

        Response listed = call("GET", "/api/commitments?company=" + COMPANY + "&state=READY", VIEWER);
        assertThat(listed.status()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        listed.node().path("items").forEach(item -> ids.add(item.path("id").asLong()));
        assertThat(ids).contains(id);
        assertThat(call("GET", "/api/commitments?company=" + COMPANY + "&state=ACCEPTED", VIEWER).body())
                .doesNotContain("\"reference\":\"" + reference + "\"");
    }

    @Test
    void namesEveryFieldAtFault() {
        String connection = connection(unique("cmt-invalid"), COMPANY);
        Map<String, Object> body = commitment(COMPANY, connection, "", 3);
        body.put("type", "LEASE");
        body.remove("vendorId");
        body.put("date", "2026-02-30");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("lines");
        lines.get(0).put("amount", 0);
        lines.get(1).put("amount", 10.005);
        lines.get(1).remove("costCode");
        lines.get(2).put("quantity", -1);
        Response answer = call("POST", "/api/commitments", ENGINEER, toJson(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("type", "reference", "vendorId", "date",
                "lines[0].amount", "lines[1].amount", "lines[1].costCode", "lines[2].quantity");
        assertThat(answer.body()).contains("not a real date").contains("at most 2 decimals")
                .contains("must be more than 0").doesNotContain("Exception");
    }

    @Test
    void idsMustBeAmongTheSyncedRecordsAndAmountsMustBeQuantityTimesUnitCost() {
        String connection = connection(unique("cmt-synced"), COMPANY);
        String reference = unique("SC");
        Map<String, Object> body = commitment(COMPANY, connection, reference, 2);
        body.put("vendorId", "ZZZ");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("lines");
        lines.get(0).putAll(Map.of("quantity", 10, "unitCost", 1250.00, "amount", 99.00));
        lines.get(1).put("costCode", "99-999");
        lines.get(1).put("projectTaskId", "T-99");
        Response answer = call("POST", "/api/commitments", ENGINEER, toJson(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("vendorId", "lines[0].amount",
                "lines[1].projectTaskId", "lines[1].costCode");
        assertThat(answer.body())
                .contains("no vendor 'ZZZ' among the vendors synced from " + connection)
                .contains("no task 'T-99' of project 'P-1001' among the project tasks synced from " + connection)
                .contains("no cost code '99-999' among the cost codes synced from " + connection)
                .contains("must be quantity × unitCost, 10 × 1250 = 12500.00, not 99.00");
        assertThat(jdbc.queryForObject("select count(*) from commitment where reference_number = ?", Integer.class,
                reference)).isZero();
    }

    @Test
    void idsAreStoredAsTheErpSpellsThemWhateverThePlatformTyped() {
        String connection = connection(unique("cmt-spelling"), COMPANY);
        Map<String, Object> body = commitment(COMPANY, connection, unique("SC"), 1);
        body.put("vendorId", VENDOR + "\u00A0");
        body.put("projectId", " P\u20111001");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("lines");
        lines.get(0).put("projectTaskId", "T-00\u00A0");
        lines.get(0).remove("quantity"); // a lump sum: its amount is not checked against the unit cost
        JsonNode shown = call("GET", "/api/commitments/" + created("/api/commitments", body).node().path("id").asLong(),
                VIEWER).node();
        assertThat(shown.path("vendorId").asText()).isEqualTo(VENDOR);
        assertThat(shown.path("projectId").asText()).isEqualTo(PROJECT);
        assertThat(shown.path("lines").get(0).path("projectTaskId").asText()).isEqualTo("T-00");
    }

    @Test
    void aStatedTotalMustBeTheSumOfTheLines() {
        String connection = connection(unique("cmt-total"), COMPANY);
        Map<String, Object> body = commitment(COMPANY, connection, unique("SC"), 2);
        body.put("total", 150.00);
        Response answer = call("POST", "/api/commitments", ENGINEER, toJson(body));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("total");
        assertThat(answer.body()).contains("must be the sum of the lines' amounts, 200.00, not 150.00");
        body.put("total", 200);
        assertThat(created("/api/commitments", body).node().path("total").decimalValue()).isEqualByComparingTo("200");
    }

    @Test
    void everyFieldErrorIsListedTypeErrorsWithTheOthers() {
        Response answer = call("POST", "/api/commitments", ENGINEER,
                "{\"lines\":[{\"quantity\":\"ten\",\"unitCost\":\"x\",\"amount\":12}]}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("lines[0].quantity", "lines[0].unitCost",
                "company", "connection", "type", "reference", "vendorId", "projectId", "date",
                "lines[0].projectTaskId", "lines[0].costCode");
        assertThat(answer.body()).contains("expected a number").doesNotContain("ten").doesNotContain("Exception");

        String connection = connection(unique("cmt-types"), COMPANY);
        Map<String, Object> body = commitment(COMPANY, connection, unique("SC"), 2);
        body.put("vendorId", List.of(VENDOR));
        body.put("date", Map.of("year", 2026));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("lines");
        lines.get(0).put("amount", true);
        lines.get(1).put("amount", 99.00); // 2 × 50 = 100.00
        Response mixed = call("POST", "/api/commitments", ENGINEER, toJson(body));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.errorFields()).containsExactlyInAnyOrder("vendorId", "date", "lines[0].amount",
                "lines[1].amount");
        assertThat(mixed.body()).contains("expected a string").contains("expected a number")
                .contains("must be quantity × unitCost");
    }

    @Test
    void refusesNoLinesAndAWrongTypeByName() {
        String connection = connection(unique("cmt-nolines"), COMPANY);
        Map<String, Object> body = commitment(COMPANY, connection, unique("SC"), 0);
        assertThat(call("POST", "/api/commitments", ENGINEER, toJson(body)).errorFields()).containsExactly("lines");
        Map<String, Object> typed = commitment(COMPANY, connection, unique("SC"), 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) typed.get("lines");
        lines.get(0).put("amount", "lots");
        Response answer = call("POST", "/api/commitments", ENGINEER, toJson(typed));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("lines[0].amount");
    }

    @Test
    void theConnectionMustExistAndBelongToTheCompany() {
        String other = connection(unique("cmt-other"), "OTHERCO");
        Response foreign = call("POST", "/api/commitments", ENGINEER,
                toJson(commitment(COMPANY, other, unique("SC"), 1)));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.errorFields()).containsExactly("connection");
        Response missing = call("POST", "/api/commitments", ENGINEER,
                toJson(commitment(COMPANY, "no-such-connection", unique("SC"), 1)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("connection");
    }

    @Test
    void aReferenceIsTakenOncePerCompanyAndType() {
        String connection = connection(unique("cmt-ref"), COMPANY);
        String reference = unique("SC");
        long first = created("/api/commitments", commitment(COMPANY, connection, reference, 1)).node().path("id").asLong();
        Response again = call("POST", "/api/commitments", ENGINEER, toJson(commitment(COMPANY, connection, reference, 1)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorFields()).containsExactly("reference");
        assertThat(again.body()).contains("commitment-" + first);
        Map<String, Object> purchaseOrder = commitment(COMPANY, connection, reference, 1);
        purchaseOrder.put("type", "PURCHASE_ORDER");
        created("/api/commitments", purchaseOrder);
    }

    @Test
    void onlyAdminAndEngineerWrite() {
        String connection = connection(unique("cmt-roles"), COMPANY);
        String body = toJson(commitment(COMPANY, connection, unique("SC"), 1));
        assertThat(call("POST", "/api/commitments", VIEWER, body).status()).isEqualTo(403);
        assertThat(call("POST", "/api/commitments", APPROVER, body).status()).isEqualTo(403);
        assertThat(call("POST", "/api/commitments", INVOICE_APPROVER, body).status()).isEqualTo(403);
        assertThat(call("POST", "/api/commitments", null, body).status()).isEqualTo(401);
        assertThat(call("POST", "/api/commitments", ADMIN, body).status()).isEqualTo(201);
        assertThat(call("GET", "/api/commitments", APPROVER).status()).isEqualTo(200);
    }

    @Test
    void aConnectionThatAutoAcceptsCommitmentsSkipsTheGate() {
        String connection = connection(unique("cmt-auto"), COMPANY, Map.of("autoAccept", List.of("COMMITMENTS")));
        JsonNode body = created("/api/commitments", commitment(COMPANY, connection, unique("SC"), 1)).node();
        assertThat(body.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(body.path("decidedBy").asText()).isEqualTo("autoAccept");
        assertThat(body.path("decidedAt").asText()).endsWith("Z");
        Response again = call("POST", "/api/approvals/" + body.path("itemId").asText() + "/accept", APPROVER);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void idsAreCheckedAgainstTheConnectionsFormats() {
        Map<String, Object> formats = new LinkedHashMap<>();
        formats.put("costCode", Map.of("maxLength", 10, "segments", List.of(2, 3), "separator", "-", "allowed", "[0-9]"));
        formats.put("vendorId", Map.of("maxLength", 15, "allowed", "[A-Z0-9-]"));
        formats.put("projectTaskId", Map.of("maxLength", 4));
        String connection = connection(unique("cmt-formats"), COMPANY, Map.of("idFormats", formats));
        Map<String, Object> body = commitment(COMPANY, connection, unique("SC"), 2);
        body.put("vendorId", "ACME SUPPLY LONG NAME");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("lines");
        lines.get(1).put("costCode", "1-1000");
        Response answer = call("POST", "/api/commitments", ENGINEER, toJson(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorFields()).contains("vendorId", "lines[1].costCode").doesNotContain("lines[0].costCode");
        assertThat(answer.body())
                .contains("vendorId 'ACME SUPPLY LONG NAME' is 21 characters; at most 15 allowed for vendor ids on connection "
                        + connection)
                .contains("lines[1].costCode '1-1000': segment 1 '1' is 1 character, 2 expected");
        Map<String, Object> fine = commitment(COMPANY, connection, unique("SC"), 2);
        created("/api/commitments", fine);
    }

    @Test
    void showsTheExportStateAndExportedOnceTheErpHoldsIt() {
        String connection = connection(unique("cmt-export"), COMPANY, Map.of("autoAccept", "commitments"));
        long rejected = created("/api/commitments", commitment(COMPANY, connection, unique("SC"), 1)).node().path("id").asLong();
        long delivered = created("/api/commitments", commitment(COMPANY, connection, unique("SC"), 1)).node().path("id").asLong();
        exportItem(connection, "COMMITMENT", rejected, "REJECTED", "422", "VendorID: vendor not found");
        exportItem(connection, "COMMITMENT", delivered, "DUPLICATE", "DUPLICATE", "already held");

        JsonNode first = call("GET", "/api/commitments/" + rejected, VIEWER).node();
        assertThat(first.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(first.path("export").path("state").asText()).isEqualTo("REJECTED");
        assertThat(first.path("export").path("code").asText()).isEqualTo("422");
        assertThat(first.path("export").path("message").asText()).isEqualTo("VendorID: vendor not found");
        assertThat(first.path("export").path("connection").asText()).isEqualTo(connection);

        JsonNode second = call("GET", "/api/commitments/" + delivered, VIEWER).node();
        assertThat(second.path("state").asText()).isEqualTo("EXPORTED");
        JsonNode exported = call("GET", "/api/commitments?company=" + COMPANY + "&state=EXPORTED", VIEWER).node();
        List<Long> ids = new ArrayList<>();
        exported.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        assertThat(ids).contains(delivered).doesNotContain(rejected);
    }

    @Test
    void unknownIdsAndBadParametersAreNamed() {
        assertThat(call("GET", "/api/commitments/999999", VIEWER).status()).isEqualTo(404);
        Response badState = call("GET", "/api/commitments?state=DONE", VIEWER);
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.errorFields()).containsExactly("state");
    }

    @Test
    void pagesTheListingById() {
        String company = "CMTPAGE";
        String connection = connection(unique("cmt-page"), company);
        for (int i = 0; i < 5; i++) {
            created("/api/commitments", commitment(company, connection, unique("SC"), 1));
        }
        List<Long> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = call("GET", "/api/commitments?company=" + company + "&limit=2"
                    + (after == null ? "" : "&after=" + after), VIEWER).node();
            page.path("items").forEach(item -> seen.add(item.path("id").asLong()));
            after = page.path("next").isNull() ? null : page.path("next").asText();
            pages++;
        } while (after != null);
        assertThat(seen).hasSize(5).isSorted().doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
    }
}
