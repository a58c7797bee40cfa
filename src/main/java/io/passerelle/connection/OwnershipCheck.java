package io.passerelle.connection;

/**
 * The caller's say on a change of a connection, asked by {@link ConnectionService} while it holds the connection's
 * row lock, so that the answer is about the row as it is stored, not as it was a moment before. This package knows
 * no callers; the API's rules (who may change whose connection, set an owner, turn the switch) implement it and
 * refuse by throwing.
 */
@FunctionalInterface
public interface OwnershipCheck {

    /** For the bootstrap and other callers that are not a person: everything goes. */
    OwnershipCheck NONE = (stored, wanted) -> {
    };

    /**
     * @param stored the connection's ownership as stored (live, or archived for a connection created again), null
     *               when the id is new
     * @param wanted what the change would store
     */
    void check(Ownership stored, Ownership wanted);
}
