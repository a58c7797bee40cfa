package io.passerelle.connection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.passerelle.request.TypeProblems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists, creates, changes and deletes connections. Every change is validated as a whole before it is stored,
 * and announced with {@link ConnectionChanged} once committed, so that it takes effect without a restart.
 */
@Service
public class ConnectionService implements ConnectionDirectory {

    private final ConnectionRepository repository;
    private final ConnectionValidator validator;
    private final AfterCommitPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    public ConnectionService(ConnectionRepository repository, ConnectionValidator validator,
            AfterCommitPublisher events) {
        this.repository = repository;
        this.validator = validator;
        this.events = events;
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

    @Transactional(readOnly = true)
    public Connection get(String id) {
        return repository.findById(id).orElseThrow(() -> new ConnectionNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public boolean exists(String id) {
        return repository.exists(id);
    }

    @Transactional
    public Connection create(ConnectionDocument document) {
        rejectUnknownFields(document);
        Instant now = now();
        Connection draft = withTimes(withSingleEndpointAsDefault(
                document.toConnection(document.id(), document.credentials())), now, now);
        validator.check(draft);
        if (repository.exists(draft.id())) {
            throw new ConnectionAlreadyExistsException(draft.id());
        }
        repository.insert(draft);
        events.publish(new ConnectionChanged(draft.id(), draft));
        return draft;
    }

    /**
     * Replaces the connection {@code id}. A credential sent as {@code "****"} or left out keeps its stored
     * value; an empty one is removed. The document's id, when given, must be {@code id}.
     */
    @Transactional
    public Connection update(String id, ConnectionDocument document) {
        Connection stored = get(id);
        List<FieldProblem> idProblem = new ArrayList<>();
        if (document.id() != null && !document.id().equals(id)) {
            idProblem.add(new FieldProblem("id", "must be the id in the path ('" + id + "'); a connection cannot be renamed"));
        }
        rejectUnknownFields(document, idProblem);
        boolean erpChanged = !Objects.equals(stored.erp(), document.erp());
        Map<String, String> credentials = CredentialMerger.merge(stored.credentials(), document.credentials(), erpChanged);
        Connection draft = withTimes(withSingleEndpointAsDefault(document.toConnection(id, credentials)),
                stored.createdAt(), now());
        validator.check(draft);
        repository.update(draft);
        events.publish(new ConnectionChanged(id, draft));
        return draft;
    }

    @Transactional
    public void delete(String id) {
        if (!repository.delete(id)) {
            throw new ConnectionNotFoundException(id);
        }
        events.publish(new ConnectionChanged(id, null));
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

    private static Connection withTimes(Connection c, Instant createdAt, Instant updatedAt) {
        return new Connection(c.id(), c.company(), c.erp(), c.endpoints(), c.credentials(), c.schedules(),
                c.options(), c.owner(), c.allowOthersToEdit(), createdAt, updatedAt);
    }

    private Instant now() {
        // the database keeps microseconds at best: answer what a later read will answer
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
