package io.passerelle.invoice;

import java.time.LocalDate;
import java.util.List;

import io.passerelle.connection.Connection;

/** An invoice that passed {@link InvoiceValidator}: its connection loaded, its fields trimmed and typed. */
public record ValidInvoice(
        Connection connection,
        String reference,
        String vendorId,
        String projectId,
        String commitmentReference,
        LocalDate date,
        LocalDate dueDate,
        String description,
        List<InvoiceLine> lines) {

    public ValidInvoice {
        lines = List.copyOf(lines);
    }
}
