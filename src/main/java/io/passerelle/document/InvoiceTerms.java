package io.passerelle.document;

import java.time.LocalDate;

/**
 * An invoice's own header fields: the platform reference of the commitment it bills (optional) and its due date
 * (optional, not before its date). Shown among the document's fields.
 */
public record InvoiceTerms(String commitmentReference, LocalDate dueDate) {
}
