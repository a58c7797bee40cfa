package io.passerelle.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.ItemExport;

/**
 * An invoice as the API shows it. {@code itemId} is its approval item id ({@code invoice-7}); {@code state}
 * READY, ACCEPTED, REJECTED or EXPORTED; {@code decidedBy}/{@code decidedAt}/{@code reason} say who accepted
 * or rejected it; {@code export} is its {@code export_item} for its connection, null until the export engine
 * considered it. {@code lines} is null in listings.
 */
public record InvoiceView(
        long id,
        String itemId,
        String company,
        String connection,
        String reference,
        String vendorId,
        String projectId,
        String commitmentReference,
        LocalDate date,
        LocalDate dueDate,
        String description,
        BigDecimal total,
        int lineCount,
        ApprovalState state,
        String decidedBy,
        Instant decidedAt,
        String reason,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        ItemExport export,
        List<InvoiceLine> lines) {

    InvoiceView withLines(List<InvoiceLine> all) {
        return new InvoiceView(id, itemId, company, connection, reference, vendorId, projectId, commitmentReference,
                date, dueDate, description, total, lineCount, state, decidedBy, decidedAt, reason, createdBy,
                createdAt, updatedAt, export, List.copyOf(all));
    }
}
