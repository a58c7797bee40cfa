package io.passerelle.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.passerelle.request.MergesTypeProblems;

/**
 * The body of {@code POST /api/commitments}, as sent; {@link DocumentValidator} checks every field, and the
 * commitment's own, its {@code type}, is checked here.
 */
@MergesTypeProblems
public record CommitmentRequest(
        String company,
        String connection,
        String type,
        String reference,
        String vendorId,
        String projectId,
        String description,
        String date,
        List<CommitmentLineRequest> lines,
        BigDecimal total) implements DocumentRequest<CommitmentTerms, CommitmentLine> {

    @Override
    public CommitmentTerms terms(LocalDate documentDate, FieldChecks checks) {
        if (type == null || type.isBlank()) {
            checks.add("type", "required");
            return new CommitmentTerms(null);
        }
        CommitmentType parsed = CommitmentType.parse(type).orElse(null);
        if (parsed == null) {
            checks.add("type", "SUBCONTRACT or PURCHASE_ORDER");
        }
        return new CommitmentTerms(parsed);
    }
}
