package io.passerelle.export;

/**
 * One platform item that may go to an ERP. {@code idempotencyKey} is stable for the item's life (the
 * platform's own id): the ERP recognises a resend by it.
 */
public record ExportCandidate<T>(String sourceId, String idempotencyKey, T data) {
}
