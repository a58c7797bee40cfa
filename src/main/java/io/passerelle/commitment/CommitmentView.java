package io.passerelle.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.ItemExport;

/**
 * A commitment as the API shows it. {@code itemId} is its approval item id ({@code commitment-12});
 * {@code state} READY, ACCEPTED, REJECTED or EXPORTED; {@code decidedBy}/{@code decidedAt}/{@code reason} say
 * who accepted or rejected it (the token's name, or {@code autoAccept}); {@code export} is its
 * {@code export_item} for its connection, null until the export engine considered it. {@code lines} is null in
 * listings.
 */
public record CommitmentView(
        long id,
        String itemId,
        String company,
        String connection,
        CommitmentType type,
        String reference,
        String vendorId,
        String projectId,
        String description,
        LocalDate date,
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
        List<CommitmentLine> lines) {

    CommitmentView withLines(List<CommitmentLine> all) {
        return new CommitmentView(id, itemId, company, connection, type, reference, vendorId, projectId, description,
                date, total, lineCount, state, decidedBy, decidedAt, reason, createdBy, createdAt, updatedAt, export,
                List.copyOf(all));
    }
}
