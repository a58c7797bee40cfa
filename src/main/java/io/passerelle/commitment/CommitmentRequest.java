package io.passerelle.commitment;

import java.math.BigDecimal;
import java.util.List;

import io.passerelle.request.MergesTypeProblems;

/**
 * The body of {@code POST /api/commitments}, as sent; {@link CommitmentValidator} checks every field.
 * {@code total} is optional: when the platform states it, it must be the sum of the lines' amounts.
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
        BigDecimal total) {
}
