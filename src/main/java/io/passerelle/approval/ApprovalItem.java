package io.passerelle.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One item of {@code /api/approvals}: a commitment or an invoice, summed up for the approver. {@code id} is the
 * item id ({@code commitment-12}, {@code invoice-7}); {@code kind} COMMITMENTS or INVOICES; {@code type}
 * SUBCONTRACT, PURCHASE_ORDER or INVOICE; {@code href} the item's own resource with its lines.
 */
public record ApprovalItem(
        String id,
        ApprovalKind kind,
        String type,
        String company,
        String connection,
        String reference,
        String vendorId,
        String projectId,
        String description,
        LocalDate date,
        BigDecimal total,
        ApprovalState state,
        String decidedBy,
        Instant decidedAt,
        String reason,
        String createdBy,
        Instant createdAt,
        ItemExport export,
        String href) {
}
