package io.passerelle.commitment;

import java.time.LocalDate;
import java.util.List;

import io.passerelle.connection.Connection;

/** A commitment that passed {@link CommitmentValidator}: its connection loaded, its fields trimmed and typed. */
public record ValidCommitment(
        Connection connection,
        CommitmentType type,
        String reference,
        String vendorId,
        String projectId,
        String description,
        LocalDate date,
        List<CommitmentLine> lines) {

    public ValidCommitment {
        lines = List.copyOf(lines);
    }
}
