package io.passerelle.commitment;

import java.util.List;

/** The body of {@code POST /api/commitments}, as sent; {@link CommitmentValidator} checks every field. */
public record CommitmentRequest(
        String company,
        String connection,
        String type,
        String reference,
        String vendorId,
        String projectId,
        String description,
        String date,
        List<CommitmentLineRequest> lines) {
}
