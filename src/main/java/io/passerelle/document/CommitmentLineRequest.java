package io.passerelle.document;

import java.math.BigDecimal;

/**
 * One line of {@link CommitmentRequest}. Its own fields: an optional {@code quantity} (above 0, 4 decimals) and
 * {@code unitCost} (0 or more, 4 decimals); with a quantity, the amount must be quantity × unitCost.
 */
public record CommitmentLineRequest(
        String projectTaskId,
        String costCode,
        String description,
        BigDecimal quantity,
        BigDecimal unitCost,
        BigDecimal amount) implements DocumentLineRequest<CommitmentLine> {

    @Override
    public LineDraft<CommitmentLine> check(String at, String checkedDescription, BigDecimal checkedAmount,
            FieldChecks checks) {
        BigDecimal checkedQuantity = checks.optionalDecimal(at + ".quantity", quantity, false, 4);
        BigDecimal checkedUnitCost = checks.optionalDecimal(at + ".unitCost", unitCost, true, 4);
        checks.lineAmount(at, checkedQuantity, checkedUnitCost, checkedAmount);
        return (erpTask, erpCostCode) -> new CommitmentLine(erpTask, erpCostCode, checkedDescription, checkedQuantity,
                checkedUnitCost, checkedAmount);
    }
}
