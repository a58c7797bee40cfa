package io.passerelle.document;

import java.math.BigDecimal;

/** One checked invoice line, as stored, shown and exported: {@code amount} above 0 with 2 decimals. */
public record InvoiceLine(String projectTaskId, String costCode, String description, BigDecimal amount)
        implements DocumentLine {
}
