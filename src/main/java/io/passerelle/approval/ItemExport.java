package io.passerelle.approval;

import java.time.Instant;

/** Where an item's export to its connection stands: its {@code export_item} row (state, the ERP's code and words). */
public record ItemExport(String connection, String state, String code, String message, Instant updatedAt) {
}
