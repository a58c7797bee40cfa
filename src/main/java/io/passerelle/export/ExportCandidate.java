package io.passerelle.export;

/**
 * One platform item that may go to an ERP. {@code idempotencyKey} is stable for the item's life (the
 * platform's own id): the ERP recognises a resend by it. {@code inLedger} says whether export_item already
 * has its row for this connection (it was tried before: PENDING or REJECTED), which the candidate query
 * reads anyway; the engine then writes the ledger without looking the rows up again.
 */
public record ExportCandidate<T>(String sourceId, String idempotencyKey, T data, boolean inLedger) {
}
