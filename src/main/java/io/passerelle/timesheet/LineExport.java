package io.passerelle.timesheet;

import java.time.Instant;

/**
 * Where a line stands with one connection ({@code export_item}): {@code state} PENDING, SENT, ACCEPTED,
 * DUPLICATE, REJECTED or UNKNOWN, and the ERP's {@code code} and {@code message} when it gave one.
 */
public record LineExport(String connection, String state, String code, String message, Instant updatedAt) {
}
