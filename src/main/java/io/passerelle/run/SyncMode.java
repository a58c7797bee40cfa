package io.passerelle.run;

/** Incremental reads from the stored watermark; full ignores it (and re-reads everything). */
public enum SyncMode {
    INCREMENTAL, FULL
}
