package io.passerelle.document;

import static io.passerelle.document.FieldChecks.MAX_REFERENCE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.passerelle.request.MergesTypeProblems;

/**
 * The body of {@code POST /api/invoices}, as sent; {@link DocumentValidator} checks every field, and the
 * invoice's own are checked here: {@code commitmentReference} (optional) and {@code dueDate} (optional, not
 * before the invoice's date).
 */
@MergesTypeProblems
public record InvoiceRequest(
        String company,
        String connection,
        String reference,
        String vendorId,
        String projectId,
        String commitmentReference,
        String date,
        String dueDate,
        String description,
        List<InvoiceLineRequest> lines,
        BigDecimal total) implements DocumentRequest<InvoiceTerms, InvoiceLine> {

    @Override
    public InvoiceTerms terms(LocalDate documentDate, FieldChecks checks) {
        String commitment = checks.text("commitmentReference", commitmentReference, false, MAX_REFERENCE);
        LocalDate due = checks.date("dueDate", dueDate, false);
        if (documentDate != null && due != null && due.isBefore(documentDate)) {
            checks.add("dueDate", "must not be before date");
        }
        return new InvoiceTerms(commitment, due);
    }
}
