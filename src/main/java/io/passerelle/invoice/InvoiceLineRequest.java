package io.passerelle.invoice;

import java.math.BigDecimal;

/** One line of {@link InvoiceRequest}. */
public record InvoiceLineRequest(String projectTaskId, String costCode, String description, BigDecimal amount) {
}
