package io.passerelle.document;

import java.math.BigDecimal;

/**
 * One checked commitment line, as stored, shown and exported: ids as the ERP spells them, {@code quantity} and
 * {@code unitCost} optional, {@code amount} above 0 with 2 decimals.
 */
public record CommitmentLine(
        String projectTaskId,
        String costCode,
        String description,
        BigDecimal quantity,
        BigDecimal unitCost,
        BigDecimal amount) implements DocumentLine {
}
