package io.passerelle.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.passerelle.approval.InvalidItemException;
import io.passerelle.connection.FixedConnections;
import io.passerelle.connection.FieldProblem;
import io.passerelle.idformat.IdFormats;
import org.junit.jupiter.api.Test;

/** The validator alone: ids against in-memory synced records, the stated total against the lines. */
class InvoiceValidatorTest {

    static final String CONNECTION = ValidatorFixture.CONNECTION;

    private final DocumentValidator<InvoiceTerms, InvoiceLine> validator = new DocumentValidator<>(InvoiceKind.INVOICES,
            new FixedConnections(ValidatorFixture.connection(Map.of())), new IdFormats(), ValidatorFixture.synced(), ProjectLinks.NONE);

    private static InvoiceRequest invoice(String vendor, String project, String total, String... amounts) {
        return new InvoiceRequest("LAURENT", CONNECTION, "F-24037", vendor, project, null, "2026-11-20", null, null,
                java.util.Arrays.stream(amounts)
                        .map(a -> new InvoiceLineRequest("0100", "01-100", "Travaux", new BigDecimal(a))).toList(),
                total == null ? null : new BigDecimal(total));
    }

    private List<FieldProblem> problems(InvoiceRequest request) {
        InvalidItemException e = catchThrowableOfType(InvalidItemException.class, () -> validator.validate(request));
        assertThat(e).as("expected the invoice to be refused").isNotNull();
        return e.problems();
    }

    @Test
    void unknownVendorAndProjectAreNamed() {
        assertThat(problems(invoice("ZZZ", "23-999", null, "4200.00"))).containsExactly(
                new FieldProblem("vendorId", "no vendor 'ZZZ' among the vendors synced from sandbox-acumatica"),
                new FieldProblem("projectId", "no project '23-999' among the projects synced from sandbox-acumatica,"
                        + " nor a platform project linked in its projects map"
                        + " (PUT /api/connections/sandbox-acumatica/maps/projects)"));
    }

    @Test
    void theErpsSpellingIsKeptWhateverThePlatformTyped() {
        var valid = validator.validate(invoice(" ACIERLEROU\u00A0", "23\u2212100", "4242", "4200.00", "42"));
        assertThat(valid.vendorId()).isEqualTo("ACIERLEROU");
        assertThat(valid.projectId()).isEqualTo("23-100");
        assertThat(valid.lines()).extracting(InvoiceLine::projectTaskId).containsExactly("0100", "0100");
    }

    @Test
    void aStatedTotalMustBeTheSumOfTheLines() {
        assertThat(problems(invoice("ACIERLEROU", "23-100", "4200.00", "4200.00", "0.01"))).containsExactly(
                new FieldProblem("total", "must be the sum of the lines' amounts, 4200.01, not 4200.00"));
    }
}
