package io.passerelle.export;

/** Where one exported item stands with one connection (export_item.state). */
public enum ExportState {
    PENDING, SENT, ACCEPTED, DUPLICATE, REJECTED, UNKNOWN;

    /** The ERP holds it: never send it again. */
    public boolean delivered() {
        return this == ACCEPTED || this == DUPLICATE;
    }
}
