package io.passerelle.export;

/**
 * One platform item that may go to an ERP. {@code idempotencyKey} is stable for the item's life (the
 * platform's own id): the ERP recognises a resend by it. {@code inLedger} says whether export_item already
 * has its row for this connection (it was tried before: PENDING or REJECTED), which the candidate query
 * reads anyway; the engine then writes the ledger without looking the rows up again. {@code refusal}, when
 * not null, is the source's own refusal of the item for this connection (a platform project the connection does
 * not link to an ERP project): the engine records it REJECTED without the sink seeing it, whatever the ERP.
 */
public record ExportCandidate<T>(String sourceId, String idempotencyKey, T data, boolean inLedger, Refusal refusal) {

    public ExportCandidate(String sourceId, String idempotencyKey, T data, boolean inLedger) {
        this(sourceId, idempotencyKey, data, inLedger, null);
    }

    /** Why the source refuses an item before sending: a code and words, as a sink's refusal has. */
    public record Refusal(String code, String message) {
    }

    /** The same item with other data: what the source translated for this connection. */
    public ExportCandidate<T> withData(T translated) {
        return new ExportCandidate<>(sourceId, idempotencyKey, translated, inLedger, refusal);
    }

    /** The same item, refused by its source before any sink sees it. */
    public ExportCandidate<T> refused(String code, String message) {
        return new ExportCandidate<>(sourceId, idempotencyKey, data, inLedger, new Refusal(code, message));
    }
}
