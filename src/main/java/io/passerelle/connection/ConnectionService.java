package io.passerelle.connection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.passerelle.request.TypeProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists, creates, changes, deletes and archives connections. Every change is validated as a whole before it is
 * stored, and announced with {@link ConnectionChanged} once committed, so that it takes effect without a restart.
 * A connection with history is archived instead of deleted (see {@link #delete}); archived connections are not
 * listed, found, run or scheduled, and creating the same id again brings one back with its history. An unlinked one
 * ({@link ConnectionLinks}) is listed and found, and not run.
 */
@Service
public class ConnectionService implements ConnectionDirectory {

    private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);

    private final ConnectionRepository repository;
    private final ConnectionValidator validator;
    private final AfterCommitPublisher events;
    private final ConnectionLinks links;

    @org.springframework.beans.factory.annotation.Autowired
    public ConnectionService(ConnectionRepository repository, ConnectionValidator validator,
            AfterCommitPublisher events, ConnectionLinks links) {
        this.repository = repository;
        this.validator = validator;
        this.events = events;
        this.links = links;
    }

    @Transactional(readOnly = true)
    public List<Connection> list() {
        return repository.findAll();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Connection> find(String id) {
        return repository.findById(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Connection> all() {
        return repository.findAll();
    }

    /** @throws ConnectionArchivedException for an archived one, ConnectionNotFoundException when there is none */
    @Transactional(readOnly = true)
    public Connection get(String id) {
        return repository.findById(id).orElseThrow(() -> notFound(id));
    }

    /** Whose each live connection is, in id order, without decrypting any credentials. */
    @Transactional(readOnly = true)
    public List<Ownership> ownerships() {
        return repository.ownerships();
    }

    /** Whose the live connection is; empty when there is none of that id, or it is archived. */
    @Transactional(readOnly = true)
    public Optional<Ownership> ownership(String id) {
        return repository.ownership(id);
    }

    /** Whether a live (not archived) connection of that id exists. */
    @Transactional(readOnly = true)
    public boolean exists(String id) {
        return repository.exists(id);
    }

    @Override
    @Transactional
    public <T> T lockedForRun(String id, Function<Connection, T> start) {
        lockLive(id);
        links.requireRunnable(id);
        return start.apply(repository.findById(id).orElseThrow(() -> new ConnectionNotFoundException(id)));
    }

    /**
     * Creates the connection, or, when its id is that of an archived connection, stores the document over it and
     * makes it live again with its history: what it exported stays in the ledger under its id, so nothing is sent
     * twice. The archived connection's ERP and company must be the document's.
     *
     * @throws ConnectionAlreadyExistsException when a live connection has the id
     * @throws ArchivedConnectionMismatchException when the archived one was of another ERP or company
     */
    @Transactional
    public Connection create(ConnectionDocument document) {
        return create(document, true, OwnershipCheck.NONE);
    }

    /**
     * As {@link #create}, asking {@code check} first: with the archived row's ownership when the id is that of an
     * archived connection (creating it again picks up its history), else with none.
     */
    @Transactional
    public Connection create(ConnectionDocument document, OwnershipCheck check) {
        return create(document, true, check);
    }

    /** As {@link #create}, but an archived connection stays archived: {@link ConnectionArchivedException}. */
    @Transactional
    public Connection createUnlessArchived(ConnectionDocument document) {
        return create(document, false, OwnershipCheck.NONE);
    }

    private Connection create(ConnectionDocument document, boolean pickUpArchived, OwnershipCheck check) {
        rejectUnknownFields(document);
        Optional<ConnectionRepository.StoredRow> stored =
                document.id() == null ? Optional.empty() : repository.lock(document.id());
        if (!pickUpArchived && stored.isPresent() && stored.get().archived()) {
            // before validation: an archived connection is left alone whatever the document says
            throw new ConnectionArchivedException(document.id(), stored.get().archivedAt());
        }
        Instant now = now();
        Connection draft = withTimes(withSingleEndpointAsDefault(
                document.toConnection(document.id(), document.credentials())), now, now);
        // a live row of that id is a 409 below, whoever asks; only an archived one has a say in who creates it again
        check.check(stored.filter(ConnectionRepository.StoredRow::archived)
                .map(ConnectionRepository.StoredRow::ownership).orElse(null), draft.ownership());
        validator.check(draft);
        draft = withCronSchedules(draft);
        if (stored.isEmpty()) {
            try {
                repository.insert(draft);
            } catch (DuplicateKeyException e) {
                throw new ConnectionAlreadyExistsException(draft.id()); // created at the same moment by another call
            }
            events.publish(new ConnectionChanged(draft.id(), draft));
            return draft;
        }
        ConnectionRepository.StoredRow row = stored.get();
        if (!row.archived()) {
            throw new ConnectionAlreadyExistsException(draft.id());
        }
        if (!row.erp().equals(draft.erp())) {
            throw new ArchivedConnectionMismatchException(draft.id(), "erp", row.erp(), draft.erp());
        }
        String companyCode = repository.companyCode(row.companyId());
        // a connection that reaches several companies became its first organization's: the one its document named is
        // gone, and its history is its organizations', whatever the document names now
        if (!companyCode.equals(draft.company().code()) && !repository.companyNamedByErp(row.companyId())) {
            throw new ArchivedConnectionMismatchException(draft.id(), "company.code", companyCode,
                    draft.company().code());
        }
        repository.restore(draft);
        links.changed(null, draft);
        Connection restored = repository.findById(draft.id()).orElseThrow();
        log.info("connection {} created again over its archived row (archived on {}): its history is picked up",
                draft.id(), row.archivedAt());
        events.publish(new ConnectionChanged(draft.id(), restored));
        return restored;
    }

    /**
     * Replaces the connection {@code id}. A credential sent as {@code "****"} or left out keeps its stored
     * value; an empty one is removed; so do {@code owner} and {@code allowOthersToEdit} when left out. The
     * document's id, when given, must be {@code id}.
     */
    @Transactional
    public Connection update(String id, ConnectionDocument document) {
        return update(id, document, OwnershipCheck.NONE);
    }

    /** As {@link #update}, asking {@code check} with the stored and the new ownership before anything is stored. */
    @Transactional
    public Connection update(String id, ConnectionDocument document, OwnershipCheck check) {
        // an archive at the same moment must not be overwritten with the credentials it wiped, and the check must
        // read the owner and the switch as they are when the change is stored
        lockLive(id);
        Connection stored = get(id);
        List<FieldProblem> idProblem = new ArrayList<>();
        if (document.id() != null && !document.id().equals(id)) {
            idProblem.add(new FieldProblem("id", "must be the id in the path ('" + id + "'); a connection cannot be renamed"));
        }
        rejectUnknownFields(document, idProblem);
        boolean erpChanged = !Objects.equals(stored.erp(), document.erp());
        Map<String, String> credentials = CredentialMerger.merge(stored.credentials(), document.credentials(), erpChanged);
        Connection draft = withOwnership(withTimes(withSingleEndpointAsDefault(document.toConnection(id, credentials)),
                stored.createdAt(), now()),
                document.owner() == null ? stored.owner() : document.owner(),
                document.allowOthersToEdit() == null ? stored.allowOthersToEdit() : document.allowOthersToEdit());
        check.check(stored.ownership(), draft.ownership());
        validator.check(draft);
        draft = withCronSchedules(draft);
        repository.update(draft);
        links.changed(stored, draft);
        events.publish(new ConnectionChanged(id, draft));
        return draft;
    }

    /**
     * Deletes the connection if it has no history at all; otherwise archives it: its schedules stop, its
     * credentials are wiped, and its runs, export ledger, cursors, remote references and records stay, so that
     * creating the same id again picks them up. Holds the connection's row lock, as the start of a run does
     * ({@link #lockedForRun}): a run either started before, and this is a {@link ConnectionBusyException}, or
     * finds the connection archived and does not start.
     *
     * @param by the name of the caller, kept with the archived row
     * @throws ConnectionBusyException while a run of the connection is going
     */
    @Transactional
    public ConnectionRemoval delete(String id, String by) {
        lockLive(id);
        List<ConnectionBusyException.RunGoing> going = repository.runsGoing(id);
        if (!going.isEmpty()) {
            throw new ConnectionBusyException(id, going);
        }
        ConnectionHistory history = repository.history(id);
        events.publish(new ConnectionChanged(id, null));
        if (history.isEmpty()) {
            repository.delete(id);
            return new ConnectionRemoval(id, null, history);
        }
        Instant at = now();
        repository.archive(id, at, by);
        log.info("connection {} archived by {}, not deleted: its history ({}) is kept", id, by, history);
        return new ConnectionRemoval(id, at, history);
    }

    /** Locks the connection's row for the rest of the transaction; it must be live. */
    private void lockLive(String id) {
        repository.lockLive(id);
    }

    private ConnectionNotFoundException notFound(String id) {
        return repository.findArchived(id)
                .<ConnectionNotFoundException>map(archived -> new ConnectionArchivedException(id, archived.archivedAt()))
                .orElseGet(() -> new ConnectionNotFoundException(id));
    }

    private static void rejectUnknownFields(ConnectionDocument document) {
        rejectUnknownFields(document, new ArrayList<>());
    }

    private static void rejectUnknownFields(ConnectionDocument document, List<FieldProblem> problems) {
        document.unknownFields().forEach(field -> problems.add(new FieldProblem(field, "unknown field")));
        if (!problems.isEmpty()) {
            throw new InvalidConnectionException(TypeProblems.merge(problems), false);
        }
    }

    /** A lone endpoint is the default whether or not the client said so. */
    private static Connection withSingleEndpointAsDefault(Connection c) {
        if (c.endpoints().size() != 1 || c.endpoints().get(0).isDefault()) {
            return c;
        }
        Endpoint only = c.endpoints().get(0);
        return new Connection(c.id(), c.company(), c.erp(), List.of(new Endpoint(only.name(), only.url(), true)),
                c.credentials(), c.schedules(), c.options(), c.owner(), c.allowOthersToEdit(), c.createdAt(),
                c.updatedAt());
    }

    /** Schedules as the crons they mean ("hourly" is "0 0 * * * ?"): what is stored, answered and run. */
    private static Connection withCronSchedules(Connection c) {
        Map<String, String> crons = new LinkedHashMap<>();
        c.schedules().forEach((flow, text) -> crons.put(flow, Schedules.cron(text).orElse(text)));
        return new Connection(c.id(), c.company(), c.erp(), c.endpoints(), c.credentials(), crons, c.options(),
                c.owner(), c.allowOthersToEdit(), c.createdAt(), c.updatedAt());
    }

    private static Connection withOwnership(Connection c, String owner, boolean allowOthersToEdit) {
        return new Connection(c.id(), c.company(), c.erp(), c.endpoints(), c.credentials(), c.schedules(),
                c.options(), owner, allowOthersToEdit, c.createdAt(), c.updatedAt());
    }

    private static Connection withTimes(Connection c, Instant createdAt, Instant updatedAt) {
        return new Connection(c.id(), c.company(), c.erp(), c.endpoints(), c.credentials(), c.schedules(),
                c.options(), c.owner(), c.allowOthersToEdit(), createdAt, updatedAt);
    }

    private Instant now() {
        // the database keeps microseconds at best: answer what a later read will answer
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
