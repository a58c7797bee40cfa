package io.passerelle.connection;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Read access to the stored live (not archived) connections, credentials decrypted, for the engines. */
public interface ConnectionDirectory {

    Optional<Connection> find(String id);

    List<Connection> all();

    /**
     * Applies {@code start} to the connection while its row is locked, in one transaction with what {@code start}
     * writes (a run's rows): an archive or delete at the same moment waits, then sees the run going; a run that
     * comes after an archive is refused here.
     *
     * @throws ConnectionArchivedException when the connection is archived
     * @throws ConnectionNotFoundException when there is no such connection
     * @throws ConnectionUnlinkedException when its link was cancelled ({@link ConnectionLinks#unlink})
     */
    <T> T lockedForRun(String id, Function<Connection, T> start);
}
