package io.passerelle.export;

/** What the ERP said of one item of a batch. */
public record ItemOutcome(String idempotencyKey, ExportState state, String code, String message) {
}
