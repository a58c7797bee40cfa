package io.passerelle.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.passerelle.approval.InvalidItemException;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.connection.Connection;
import io.passerelle.connection.FieldProblem;
import io.passerelle.connection.FixedConnections;
import io.passerelle.idformat.IdFormats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator alone: ids against in-memory synced records, amounts against quantity × unit cost. */
class CommitmentValidatorTest {

    static final String CONNECTION = ValidatorFixture.CONNECTION;
    static final String NBSP = "\u00A0";

    private final FakeSyncedKeys synced = ValidatorFixture.synced().withTask("23-200", "0200");
    private final DocumentValidator<CommitmentTerms, CommitmentLine> validator = new DocumentValidator<>(
            CommitmentKind.COMMITMENTS, new FixedConnections(ValidatorFixture.connection(Map.of())), new IdFormats(),
            synced, ProjectLinks.NONE);

    static CommitmentLineRequest line(String task, String costCode, String quantity, String unitCost, String amount) {
        return new CommitmentLineRequest(task, costCode, "Coffrage", decimal(quantity), decimal(unitCost),
                decimal(amount));
    }

    static CommitmentRequest commitment(String vendor, String total, CommitmentLineRequest... lines) {
        return new CommitmentRequest("LAURENT", CONNECTION, "SUBCONTRACT", "SC-1", vendor, "23-100", null,
                "2026-11-16", new ArrayList<>(Arrays.asList(lines)), decimal(total));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private List<FieldProblem> problems(CommitmentRequest request) {
        InvalidItemException e = catchThrowableOfType(InvalidItemException.class, () -> validator.validate(request));
        assertThat(e).as("expected the commitment to be refused").isNotNull();
        return e.problems();
    }

    @Test
    void aVendorThatWasNotSyncedIsNamedWithTheConnection() {
        assertThat(problems(commitment("ZZZ", null, line("0100", "01-100", "10", "1250.00", "12500.00"))))
                .containsExactly(new FieldProblem("vendorId",
                        "no vendor 'ZZZ' among the vendors synced from sandbox-acumatica"));
    }

    @Test
    void aVendorWithATrailingNoBreakSpaceIsTheSyncedVendorAndKeepsTheErpSpelling() {
        var valid = validator.validate(commitment("ACIERLEROU" + NBSP, null,
                line(" 0100" + NBSP, "01\u2011100", "10", "1250.00", "12500.00")));
        assertThat(valid.vendorId()).isEqualTo("ACIERLEROU");
        assertThat(valid.projectId()).isEqualTo("23-100");
        assertThat(valid.lines().get(0).projectTaskId()).isEqualTo("0100");
        assertThat(valid.lines().get(0).costCode()).as("the non-breaking hyphen folded, the ERP's hyphen kept")
                .isEqualTo("01-100");
        assertThat(synced.calls).as("one look-up per kind for the whole document")
                .containsExactlyInAnyOrder(CanonicalEntity.VENDOR, CanonicalEntity.PROJECT,
                        CanonicalEntity.PROJECT_TASK, CanonicalEntity.COST_CODE);
    }

    @Test
    void aPlatformProjectTheConnectionLinksIsKeptAsTheDocumentNamesItWithTheTasksOfItsErpProject() {
        // the platform's DRV-118 is linked to 23-100; the platform's 23-200 to a project that was never synced
        ProjectLinks links = (connectionId, keys) -> connectionId.equals(CONNECTION)
                ? Map.of("DRV-118", "23-100", "23-200", "99-000") : Map.of();
        DocumentValidator<CommitmentTerms, CommitmentLine> linked = new DocumentValidator<>(CommitmentKind.COMMITMENTS,
                new FixedConnections(ValidatorFixture.connection(Map.of())), new IdFormats(), synced, links);

        var valid = linked.validate(withProject(" DRV\u2011118 ", line("0100", "01-100", null, null, "10.00")));
        assertThat(valid.projectId()).as("the platform's code: the export translates it").isEqualTo("DRV\u2011118");
        assertThat(valid.lines().get(0).projectTaskId()).as("a task of 23-100").isEqualTo("0100");

        assertThat(linked.validate(withProject("23-100", line("0100", "01-100", null, null, "10.00"))).projectId())
                .as("an ERP project stays one").isEqualTo("23-100");
        CommitmentRequest unsynced = withProject("23-200", line("0200", "01-100", null, null, "10.00"));
        assertThat(catchThrowableOfType(InvalidItemException.class, () -> linked.validate(unsynced)).problems())
                .containsExactly(new FieldProblem("projectId", "project '23-200' is linked to '99-000', which is not"
                        + " among the projects synced from sandbox-acumatica"));
        CommitmentRequest unlinked = withProject("DRV-119", line("0100", "01-100", null, null, "10.00"));
        assertThat(catchThrowableOfType(InvalidItemException.class, () -> linked.validate(unlinked)).problems())
                .containsExactly(new FieldProblem("projectId", "no project 'DRV-119' among the projects synced from"
                        + " sandbox-acumatica, nor a platform project linked in its projects map"
                        + " (PUT /api/connections/sandbox-acumatica/maps/projects)"));
    }

    private static CommitmentRequest withProject(String project, CommitmentLineRequest... lines) {
        return new CommitmentRequest("LAURENT", CONNECTION, "SUBCONTRACT", "SC-1", "ACIERLEROU", project, null,
                "2026-11-16", new ArrayList<>(Arrays.asList(lines)), null);
    }

    @Test
    void aTaskBelongsToTheDocumentsProjectAndEveryUnknownIdIsNamed() {
        List<FieldProblem> problems = problems(commitment("ACIERLEROU", null,
                line("0100", "01-100", null, null, "10.00"),
                line("0200", "99-999", null, null, "10.00")));
        assertThat(problems).containsExactlyInAnyOrder(
                new FieldProblem("lines[1].projectTaskId",
                        "no task '0200' of project '23-100' among the project tasks synced from sandbox-acumatica"),
                new FieldProblem("lines[1].costCode",
                        "no cost code '99-999' among the cost codes synced from sandbox-acumatica"));
    }

    @Test
    void anAmountThatIsNotQuantityTimesUnitCostIsRefused() {
        assertThat(problems(commitment("ACIERLEROU", null, line("0100", "01-100", "10", "1250.00", "99.00"))))
                .containsExactly(new FieldProblem("lines[0].amount",
                        "must be quantity × unitCost, 10 × 1250 = 12500.00, not 99.00"));
    }

    @Test
    void theProductIsRoundedHalfUpToTheCentAndComparedAsANumber() {
        // 3 × 0.3335 = 1.0005 → 1.00; 2.5 × 0.005 = 0.0125 → 0.01
        var valid = validator.validate(commitment("ACIERLEROU", null,
                line("0100", "01-100", "3", "0.3335", "1.00"),
                line("0100", "01-100", "2.5", "0.0050", "0.01"),
                line("0100", "01-100", "10", "1250", "12500")));
        assertThat(valid.lines()).hasSize(3);
        assertThat(problems(commitment("ACIERLEROU", null, line("0100", "01-100", "1", "0.125", "0.12"))))
                .extracting(FieldProblem::field).containsExactly("lines[0].amount");
    }

    @Test
    void aLineWithoutQuantityIsALumpSumAndAQuantityNeedsAUnitCost() {
        var valid = validator.validate(commitment("ACIERLEROU", null,
                line("0100", "01-100", null, "1250.00", "99.00"),
                line("0100", "01-100", null, null, "42.00")));
        assertThat(valid.lines()).extracting(CommitmentLine::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("99"), new BigDecimal("42"));
        assertThat(problems(commitment("ACIERLEROU", null, line("0100", "01-100", "10", null, "99.00"))))
                .extracting(FieldProblem::field).containsExactly("lines[0].unitCost");
    }

    @Test
    void aStatedTotalMustBeTheSumOfTheLines() {
        var valid = validator.validate(commitment("ACIERLEROU", "12542",
                line("0100", "01-100", "10", "1250.00", "12500.00"), line("0100", "01-100", null, null, "42.00")));
        assertThat(valid.lines()).hasSize(2);
        assertThat(problems(commitment("ACIERLEROU", "12500.00",
                line("0100", "01-100", "10", "1250.00", "12500.00"), line("0100", "01-100", null, null, "42.00"))))
                .containsExactly(new FieldProblem("total", "must be the sum of the lines' amounts, 12542.00, not 12500.00"));
    }

    @Test
    void aWrongLineIsNotReportedAgainAsAWrongTotal() {
        assertThat(problems(commitment("ACIERLEROU", "100.00", line("0100", "01-100", null, null, "-5"))))
                .extracting(FieldProblem::field).containsExactly("lines[0].amount");
    }

    @Test
    void anUnknownProjectIsReportedOnceNotOnEachTask() {
        CommitmentRequest request = new CommitmentRequest("LAURENT", CONNECTION, "SUBCONTRACT", "SC-1", "ACIERLEROU",
                "99-000", null, "2026-11-16", List.of(line("0100", "01-100", null, null, "1.00")), null);
        assertThat(problems(request)).containsExactly(new FieldProblem("projectId",
                "no project '99-000' among the projects synced from sandbox-acumatica, nor a platform project linked in"
                        + " its projects map (PUT /api/connections/sandbox-acumatica/maps/projects)"));
    }

    @Test
    void idFormatsAreCheckedOnTheIdThatWillBeSent() {
        Connection formatted = ValidatorFixture.connection(
                Map.of("idFormats", Map.of("vendorId", Map.of("allowed", "[A-Z]"))));
        DocumentValidator<CommitmentTerms, CommitmentLine> strict = new DocumentValidator<>(CommitmentKind.COMMITMENTS,
                new FixedConnections(formatted), new IdFormats(), synced, ProjectLinks.NONE);
        // the no-break space is the platform's spelling, not the ERP's: the ERP's id fits the format
        assertThat(strict.validate(commitment("ACIERLEROU" + NBSP, null, line("0100", "01-100", null, null, "1")))
                .vendorId()).isEqualTo("ACIERLEROU");
    }
}
