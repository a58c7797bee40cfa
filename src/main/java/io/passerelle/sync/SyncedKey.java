package io.passerelle.sync;

/** A record a sync wrote, as a write of the platform refers to it: its row id and its key as the ERP spells it. */
public record SyncedKey(long id, String code) {
}
