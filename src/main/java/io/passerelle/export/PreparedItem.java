package io.passerelle.export;

/** A candidate translated to what the ERP receives; {@code payload} is the sink's own type. */
public record PreparedItem<P>(String sourceId, String idempotencyKey, P payload) {
}
