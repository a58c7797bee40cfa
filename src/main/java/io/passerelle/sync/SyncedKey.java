package io.passerelle.sync;

/**
 * A record a sync wrote, as a write of the platform refers to it: its row id, its key as the ERP spells it, and
 * its {@code status} column as the ERP's mapper wrote it (e.g. {@code ACTIVE}, {@code INACTIVE}; Acumatica's
 * {@code Active}, {@code On Hold}, {@code Completed}), for a sink that refuses what is no longer open; null for an
 * entity whose table has no status, or a record synced without one.
 */
public record SyncedKey(long id, String code, String status) {
}
