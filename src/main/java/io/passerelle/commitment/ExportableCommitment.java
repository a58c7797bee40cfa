package io.passerelle.commitment;

import java.time.LocalDate;
import java.util.List;

/**
 * An accepted commitment ready to go to its connection: everything a sink needs to write it (Acumatica:
 * a {@code Subcontract} or a {@code PurchaseOrder} by {@code type}). {@code reference} is the platform's own
 * number, unique per company and type: look the document up by it before writing, so that a retry never
 * creates a second one. {@code exportState} is its export_item state: null (never tried), PENDING or REJECTED.
 */
public record ExportableCommitment(
        long id,
        String company,
        String connection,
        CommitmentType type,
        String reference,
        String vendorId,
        String projectId,
        String description,
        LocalDate date,
        List<CommitmentLine> lines,
        String exportState) {
}
