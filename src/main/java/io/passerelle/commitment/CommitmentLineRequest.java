package io.passerelle.commitment;

import java.math.BigDecimal;

/** One line of {@link CommitmentRequest}. */
public record CommitmentLineRequest(
        String projectTaskId,
        String costCode,
        String description,
        BigDecimal quantity,
        BigDecimal unitCost,
        BigDecimal amount) {
}
