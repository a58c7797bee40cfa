package io.passerelle.invoice;

import java.util.List;

/** The body of {@code POST /api/invoices}, as sent; {@link InvoiceValidator} checks every field. */
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
        List<InvoiceLineRequest> lines) {
}
