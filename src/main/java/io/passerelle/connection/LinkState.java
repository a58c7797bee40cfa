package io.passerelle.connection;

import java.time.Instant;

/**
 * A connection's link as stored: its status, why in words, and when a test or a run last checked it (null when
 * nothing has since the connection's link was made or reset).
 */
public record LinkState(LinkStatus status, String message, Instant checkedAt) {

    /** What a connection without a stored link has. */
    public static final LinkState NOT_CHECKED = new LinkState(LinkStatus.NOT_LINKED, null, null);

    /** Cancelled: no run starts and no schedule fires. */
    public boolean unlinked() {
        return status == LinkStatus.UNLINKED;
    }
}
