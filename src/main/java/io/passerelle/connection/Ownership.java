package io.passerelle.connection;

/**
 * Whose a connection is: the name of the token that created it (or the one an ADMIN or a bootstrap file named; null
 * for none), and whether its owner lets every ENGINEER change it and see its companies. What the API's access rules
 * read, without the credentials a whole {@link Connection} would have to decrypt.
 */
public record Ownership(String connectionId, String owner, boolean allowOthersToEdit) {
}
