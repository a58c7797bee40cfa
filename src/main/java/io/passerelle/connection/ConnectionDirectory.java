package io.passerelle.connection;

import java.util.List;
import java.util.Optional;

/** Read access to the stored connections, credentials decrypted, for the engines. */
public interface ConnectionDirectory {

    Optional<Connection> find(String id);

    List<Connection> all();
}
