package io.passerelle.document;

import java.math.BigDecimal;

/** One line of {@link InvoiceRequest}: only the fields every line has. */
public record InvoiceLineRequest(String projectTaskId, String costCode, String description, BigDecimal amount)
        implements DocumentLineRequest<InvoiceLine> {

    @Override
    public LineDraft<InvoiceLine> check(String at, String checkedDescription, BigDecimal checkedAmount,
            FieldChecks checks) {
        return (erpTask, erpCostCode) -> new InvoiceLine(erpTask, erpCostCode, checkedDescription, checkedAmount);
    }
}
