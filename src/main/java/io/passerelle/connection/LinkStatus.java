package io.passerelle.connection;

/**
 * Where a connection's link to the one company of its ERP that it names stands (for ERPs that have one, see
 * {@link ErpConnector#linkIdentity}).
 */
public enum LinkStatus {
    /** Not checked since the connection, or what its link names or reaches it with, was made. */
    NOT_LINKED,
    /** The last test or run reached the ERP's company. */
    LINKED,
    /** The last test, or a run failing for the link's sake, did not; the message says why. */
    FAILED,
    /** Cancelled by someone: nothing runs or is scheduled until it is linked again. */
    UNLINKED
}
