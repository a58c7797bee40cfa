package io.passerelle.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.ItemExport;

/**
 * A document as the API shows it, its kind's own fields ({@code terms}) among the others. {@code itemId} is its
 * approval item id ({@code commitment-12}); {@code state} READY, ACCEPTED, REJECTED or EXPORTED;
 * {@code decidedBy}/{@code decidedAt}/{@code reason} say who accepted or rejected it (the token's name, or
 * {@code autoAccept}); {@code export} is its {@code export_item} for its connection, null until the export engine
 * considered it. {@code lines} is null in listings.
 */
public record DocumentView<T, L extends DocumentLine>(
        long id,
        String itemId,
        String company,
        String connection,
        @JsonUnwrapped T terms,
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
        List<L> lines) {

    DocumentView<T, L> withLines(List<L> all) {
        return new DocumentView<>(id, itemId, company, connection, terms, reference, vendorId, projectId, description,
                date, total, lineCount, state, decidedBy, decidedAt, reason, createdBy, createdAt, updatedAt, export,
                List.copyOf(all));
    }
}
