package io.passerelle.erp.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.SandboxTest;
import io.passerelle.approval.ApprovalKind;
import io.passerelle.approval.ApprovalService;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionService;
import io.passerelle.document.CommitmentLine;
import io.passerelle.document.CommitmentLineRequest;
import io.passerelle.document.CommitmentRequest;
import io.passerelle.document.CommitmentTerms;
import io.passerelle.document.DocumentService;
import io.passerelle.document.InvoiceLine;
import io.passerelle.document.InvoiceLineRequest;
import io.passerelle.document.InvoiceRequest;
import io.passerelle.document.InvoiceTerms;
import io.passerelle.export.ExportLauncher;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.acumatica.AcumaticaSimulator;
import io.passerelle.sandbox.acumatica.EntityType;
import io.passerelle.sync.SyncLauncher;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accounting approvers decide what reaches Acumatica: nothing goes before it is accepted, a rejected
 * item never goes, an accepted one goes once even when its answer is lost, and ids that break the
 * connection's formats are refused before any call.
 */
@SandboxTest
class AcumaticaFinancialExportTest {

    static final String CONNECTION = "sandbox-acumatica";
    static final String COMPANY = "LAURENT";
    static final AtomicInteger NEXT = new AtomicInteger(1);

    @Autowired
    DocumentService<CommitmentTerms, CommitmentLine> commitments;
    @Autowired
    DocumentService<InvoiceTerms, InvoiceLine> invoices;
    @Autowired
    ApprovalService approvals;
    @Autowired
    ExportLauncher export;
    @Autowired
    AcumaticaSimulator simulator;
    @Autowired
    ConnectionService connections;
    @Autowired
    RunHistory runs;
    @Autowired
    SyncLauncher sync;
    @Autowired
    JdbcTemplate jdbc;

    /** Documents are checked against what was synced: import the tenant's job structure and vendors first. */
    @BeforeEach
    void synced() {
        assertThat(sync.runAndWait(CONNECTION, "all", Trigger.API, SyncMode.INCREMENTAL))
                .allSatisfy(run -> assertThat(run.status()).as(run.flow() + ": " + run.message()).isEqualTo("SUCCEEDED"));
    }

    @AfterEach
    void wellBehavedAgain() {
        simulator.reset();
    }

    @Test
    void aCommitmentWaitsForItsApproverThenGoesOnceEvenWhenTheAnswerIsLost() {
        var waiting = commitments.create(commitment("SC-T" + NEXT.getAndIncrement()), "test");
        assertThat(waiting.state().name()).isEqualTo("READY");
        assertThat(export.runAndWait(CONNECTION, "commitments", Trigger.API).counts()).containsEntry("sent", 0);
        assertThat(subcontracts(waiting.reference())).isEmpty();

        approvals.accept(ref(waiting.itemId()), "approver");
        simulator.faults().dropAfterWriteNext();
        RunView lost = export.runAndWait(CONNECTION, "commitments", Trigger.API);
        assertThat(lost.counts()).containsEntry("sent", 1).containsEntry("unknown", 1);
        assertThat(subcontracts(waiting.reference())).as("stored, though the answer was lost").hasSize(1);

        RunView again = export.runAndWait(CONNECTION, "commitments", Trigger.API);
        assertThat(again.status()).as(again.message()).isEqualTo("SUCCEEDED");
        assertThat(again.counts()).as("read back, not resent").containsEntry("accepted", 1).containsEntry("sent", 0);
        assertThat(subcontracts(waiting.reference())).as("one document, not two").hasSize(1);
        assertThat(commitments.get(waiting.id()).state().name()).isEqualTo("EXPORTED");
        assertThat(export.runAndWait(CONNECTION, "commitments", Trigger.API).counts()).containsEntry("sent", 0);
    }

    @Test
    void aCommitmentAcumaticaRefusesIsListedInTheRunsErrorsWithAcumaticasWords() {
        platformOnlyCostCode("99-998");
        String project = project();
        String reference = "SC-T" + NEXT.getAndIncrement();
        var commitment = commitments.create(new CommitmentRequest(COMPANY, CONNECTION, "SUBCONTRACT", reference,
                vendor(2), project, "Imprévus", "2026-11-16", List.of(new CommitmentLineRequest(task(project), "99-998",
                        "Imprévus", new BigDecimal("2"), new BigDecimal("50.00"), new BigDecimal("100.00"))), null), "test");
        approvals.accept(ref(commitment.itemId()), "approver");

        RunView run = export.runAndWait(CONNECTION, "commitments", Trigger.API);

        assertThat(run.status()).isEqualTo("PARTIAL");
        assertThat(run.counts()).containsEntry("sent", 1).containsEntry("rejected", 1);
        assertThat(runs.errors(run.id())).singleElement().satisfies(e -> {
            assertThat(e.entity()).isEqualTo("COMMITMENT");
            assertThat(e.remoteKey()).isEqualTo("SUBCONTRACT:" + reference);
            assertThat(e.code()).isEqualTo("ACUMATICA_VALIDATION");
            assertThat(e.message()).contains("422").contains("CostCode").contains("99-998");
            assertThat(e.retryable()).isFalse();
            assertThat(e.payload()).contains(reference).contains("99-998");
        });

        simulator.dataset().addCostCode("99-998", "Imprévus");
        RunView rerun = export.runAndWait(CONNECTION, "commitments", Trigger.API);
        assertThat(rerun.counts()).containsEntry("accepted", 1).containsEntry("rejected", 0);
        assertThat(runs.errors(rerun.id())).isEmpty();
    }

    @Test
    void aRejectedCommitmentIsNeverSent() {
        var refused = commitments.create(commitment("SC-T" + NEXT.getAndIncrement()), "test");
        approvals.reject(ref(refused.itemId()), "wrong vendor", "approver");
        long putsBefore = simulator.requests("PUT", "Subcontract");
        export.runAndWait(CONNECTION, "commitments", Trigger.API);
        assertThat(simulator.requests("PUT", "Subcontract")).isEqualTo(putsBefore);
        assertThat(subcontracts(refused.reference())).isEmpty();
    }

    @Test
    void anAcceptedInvoiceBecomesABillOnHoldOnceAndABadVendorIdIsRefusedBeforeAnyCall() {
        var good = invoices.create(invoice("INV-" + NEXT.getAndIncrement(), vendor(0)), "test");
        approvals.accept(ref(good.itemId()), "approver");
        RunView run = export.runAndWait(CONNECTION, "invoices", Trigger.API);
        assertThat(run.counts()).as(run.message()).containsEntry("accepted", 1);
        assertThat(bills(good.reference())).singleElement()
                .satisfies(bill -> assertThat(bill.path("Hold").path("value").asBoolean()).isTrue());

        var bad = invoices.create(invoice("INV-" + NEXT.getAndIncrement(), vendor(1)), "test");
        approvals.accept(ref(bad.itemId()), "approver");
        withIdFormats(Map.of("vendorId", Map.of("maxLength", 3)));
        try {
            long putsBefore = simulator.requests("PUT", "Bill");
            long getsBefore = simulator.requests("GET", "Bill");
            RunView refused = export.runAndWait(CONNECTION, "invoices", Trigger.API);
            assertThat(refused.counts()).containsEntry("rejected", 1).containsEntry("sent", 0);
            assertThat(simulator.requests("PUT", "Bill")).isEqualTo(putsBefore);
            assertThat(simulator.requests("GET", "Bill")).as("not even a look-up").isEqualTo(getsBefore);
            assertThat(invoices.get(bad.id()).export()).satisfies(e -> {
                assertThat(e.state()).isEqualTo("REJECTED");
                assertThat(e.code()).isEqualTo("ID_FORMAT");
                assertThat(e.message()).contains("vendorId").contains("at most 3");
            });
        } finally {
            withIdFormats(Map.of());
        }
    }

    @Test
    void aVendorGivenWithATrailingNoBreakSpaceGoesToAcumaticaAsAcumaticaSpellsIt() {
        String vendor = vendor(4);
        String project = project();
        var commitment = commitments.create(new CommitmentRequest(COMPANY, CONNECTION, "SUBCONTRACT",
                "SC-T" + NEXT.getAndIncrement(), vendor + "\u00A0", project, "Vendor id pasted from a spreadsheet",
                "2026-11-16", List.of(new CommitmentLineRequest(" " + task(project) + "\u00A0", costCode(), "Coffrage",
                        new BigDecimal("10"), new BigDecimal("1250.00"), new BigDecimal("12500.00"))),
                new BigDecimal("12500")), "test");
        assertThat(commitment.vendorId()).as("stored as synced").isEqualTo(vendor);
        approvals.accept(ref(commitment.itemId()), "approver");

        RunView run = export.runAndWait(CONNECTION, "commitments", Trigger.API);

        assertThat(run.counts()).as(run.message()).containsEntry("accepted", 1).containsEntry("rejected", 0);
        assertThat(simulator.counters().lastWrite("Subcontract")).hasValueSatisfying(sent -> {
            assertThat(sent.path("VendorID").path("value").asText()).isEqualTo(vendor);
            assertThat(sent.path("Details").get(0).path("Task").path("value").asText()).isEqualTo(task(project));
        });
        assertThat(subcontracts(commitment.reference())).hasSize(1);
    }

    @Test
    void aCostCodeAcumaticaStoresWithATrailingBlankGoesBackWithItsBlankWhateverTheDocumentSays() {
        simulator.dataset().addCostCode("03-777 ", "Coffrage des colonnes");
        RunView synced = sync.runAndWait(CONNECTION, "costCodes", Trigger.API, SyncMode.INCREMENTAL).get(0);
        assertThat(synced.status()).as(synced.message()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForList("select code from cost_code where match_key = '03-777'", String.class))
                .as("stored verbatim").containsExactly("03-777 ");
        String project = project();
        var commitment = commitments.create(new CommitmentRequest(COMPANY, CONNECTION, "SUBCONTRACT",
                "SC-T" + NEXT.getAndIncrement(), vendor(5), project, "Colonnes", "2026-11-16",
                List.of(new CommitmentLineRequest(task(project), "03-777", "Coffrage des colonnes", new BigDecimal("1"),
                        new BigDecimal("800.00"), new BigDecimal("800.00"))), null), "test");
        approvals.accept(ref(commitment.itemId()), "approver");

        RunView run = export.runAndWait(CONNECTION, "commitments", Trigger.API);

        assertThat(run.counts()).as(run.message()).containsEntry("accepted", 1).containsEntry("rejected", 0);
        assertThat(simulator.counters().lastWrite("Subcontract")).hasValueSatisfying(sent -> assertThat(
                sent.path("Details").get(0).path("CostCode").path("value").asText()).isEqualTo("03-777 "));
    }

    @Test
    void acumaticasFieldErrorsAreTheItemsRejectionNamingTheField() {
        String project = project();
        // synced before, since deleted in Acumatica: the platform's check passes, Acumatica's does not
        platformOnlyCostCode("99-999");
        var invoice = invoices.create(new InvoiceRequest(COMPANY, CONNECTION, "INV-" + NEXT.getAndIncrement(), vendor(3),
                project, null, "2026-11-20", null, "Cost code unknown to Acumatica",
                List.of(new InvoiceLineRequest(task(project), "99-999", "Travaux", new BigDecimal("100.00"))), null), "test");
        approvals.accept(ref(invoice.itemId()), "approver");

        RunView run = export.runAndWait(CONNECTION, "invoices", Trigger.API);

        assertThat(run.counts()).containsEntry("rejected", 1);
        assertThat(invoices.get(invoice.id()).export()).satisfies(e -> {
            assertThat(e.state()).isEqualTo("REJECTED");
            assertThat(e.code()).isEqualTo("ACUMATICA_VALIDATION");
            assertThat(e.message()).contains("422").contains("Details[1].CostCode").contains("99-999");
        });
        assertThat(bills(invoice.reference())).isEmpty();

        simulator.dataset().addCostCode("99-999", "Imprévus");
        RunView rerun = export.runAndWait(CONNECTION, "invoices", Trigger.API);
        assertThat(rerun.counts()).containsEntry("accepted", 1).containsEntry("rejected", 0);
        assertThat(bills(invoice.reference())).hasSize(1);
    }

    // --- fixtures -------------------------------------------------------------------------------

    private CommitmentRequest commitment(String reference) {
        String project = project();
        return new CommitmentRequest(COMPANY, CONNECTION, "SUBCONTRACT", reference, vendor(2), project,
                "Coffrage et béton, phase 1", "2026-11-16",
                List.of(new CommitmentLineRequest(task(project), costCode(), "Coffrage", new BigDecimal("10"),
                        new BigDecimal("1250.00"), new BigDecimal("12500.00"))), null);
    }

    private InvoiceRequest invoice(String reference, String vendor) {
        String project = project();
        return new InvoiceRequest(COMPANY, CONNECTION, reference, vendor, project, null, "2026-11-20", "2026-12-20",
                "Facture de progrès no 1", List.of(new InvoiceLineRequest(task(project), costCode(), "Travaux", new BigDecimal("4200.00"))), null);
    }

    /** A cost code the platform holds for the company (as if synced) that Acumatica does not know (yet). */
    private void platformOnlyCostCode(String code) {
        jdbc.update("insert into cost_code (company_id, match_key, loose_key, code, description, created_at, updated_at) "
                + "select company_id, ?, ?, ?, 'Créé dans la plateforme', current_timestamp, current_timestamp "
                + "from connection where id = ?", KeyNormalizer.matchKey(code), KeyNormalizer.looseKey(code), code, CONNECTION);
    }

    private void withIdFormats(Map<String, Object> formats) {
        Connection current = connections.get(CONNECTION);
        Map<String, Object> options = new HashMap<>(current.options());
        options.put("idFormats", formats);
        connections.update(CONNECTION, new ConnectionDocument(current.id(),
                new ConnectionDocument.CompanyDocument(current.company().code(), current.company().name()), current.erp(),
                current.endpoints().stream().map(e -> new ConnectionDocument.EndpointDocument(e.name(), e.url(), e.isDefault())).toList(),
                current.credentials().keySet().stream().collect(Collectors.toMap(k -> k, k -> "****")),
                current.schedules(), options, current.owner(), current.allowOthersToEdit()));
    }

    private static ApprovalKind.ItemRef ref(String itemId) {
        return ApprovalKind.parseItemId(itemId).orElseThrow();
    }

    private String value(ObjectNode document, String field) {
        return document.path(field).path("value").asText();
    }

    private String vendor(int index) {
        return simulator.documents(EntityType.Vendor).stream().map(v -> value(v, "VendorID"))
                .filter(id -> id.length() > 3 && id.equals(id.strip())).skip(index).findFirst().orElseThrow();
    }

    private String project() {
        return value(simulator.documents(EntityType.Project).get(2), "ProjectID");
    }

    private String task(String project) {
        return simulator.documents(EntityType.ProjectTask).stream().filter(t -> value(t, "ProjectID").equals(project))
                .map(t -> value(t, "ProjectTaskID")).findFirst().orElseThrow();
    }

    private String costCode() {
        return value(simulator.documents(EntityType.CostCode).get(0), "CostCodeID");
    }

    private List<ObjectNode> subcontracts(String reference) {
        return simulator.documents(EntityType.Subcontract).stream().filter(d -> value(d, "SubcontractNbr").equals(reference)).toList();
    }

    private List<ObjectNode> bills(String reference) {
        return simulator.documents(EntityType.Bill).stream().filter(d -> value(d, "VendorRef").equals(reference)).toList();
    }
}
