package io.passerelle.invoice;

import java.time.LocalDate;
import java.util.List;

/**
 * An accepted vendor invoice ready to go to its connection: everything a sink needs to write it (Acumatica: a
 * {@code Bill} on hold). {@code reference} is the vendor's invoice number, unique per company and vendor: look
 * the bill up by vendor and reference before writing, so that a retry never creates a second one.
 * {@code commitmentReference} (optional) is the platform reference of the commitment it bills.
 * {@code exportState} is its export_item state: null (never tried), PENDING or REJECTED.
 */
public record ExportableInvoice(
        long id,
        String company,
        String connection,
        String reference,
        String vendorId,
        String projectId,
        String commitmentReference,
        LocalDate date,
        LocalDate dueDate,
        String description,
        List<InvoiceLine> lines,
        String exportState) {
}
