package io.passerelle.invoice;

import java.util.List;

/** One page of {@code GET /api/invoices}; {@code next} is the {@code after} of the next page, null at the end. */
public record InvoicePage(List<InvoiceView> items, String next) {
}
