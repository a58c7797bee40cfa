package io.passerelle.invoice;

import java.math.BigDecimal;
import java.util.List;

import io.passerelle.request.MergesTypeProblems;

/**
 * The body of {@code POST /api/invoices}, as sent; {@link InvoiceValidator} checks every field.
 * {@code total} is optional: when the platform states it, it must be the sum of the lines' amounts.
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
        BigDecimal total) {
}
