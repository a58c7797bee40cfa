package io.passerelle.connection;

import io.passerelle.run.RunFinished;
import io.passerelle.run.RunView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The link of each connection whose ERP links its connections to one company of its own ({@link
 * ErpConnector#linkIdentity}; Abacus: an AmID and a mandant). Every connection test and every run says whether the
 * link holds ({@link LinkRules}); an unlink stops the connection's runs and schedules and drops what it holds of the
 * ERP (tokens, transports) until a link. Each change of a link is made under the connection's row lock, which the
 * start of a run also takes: a run either started before an unlink or is refused after it.
 */
@Service
public class ConnectionLinks {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLinks.class);

    private final LinkStore store;
    private final ConnectionRepository repository;
    private final ErpConnectors connectors;
    private final AfterCommitPublisher events;
    private final TransactionTemplate transaction;
    private final LinkRules rules = new LinkRules();

    public ConnectionLinks(LinkStore store, ConnectionRepository repository, ErpConnectors connectors,
            AfterCommitPublisher events, TransactionTemplate transaction) {
        this.store = store;
        this.repository = repository;
        this.connectors = connectors;
        this.events = events;
        this.transaction = transaction;
    }

    /** The connection's link; empty when its ERP has none. */
    @Transactional(readOnly = true)
    public Optional<ConnectionLink> of(Connection connection) {
        return identity(connection).map(identity -> ConnectionLink.of(store.find(connection.id()), identity));
    }

    /** The links of these connections, by id, in one read; those whose ERP has none are left out. */
    @Transactional(readOnly = true)
    public Map<String, ConnectionLink> of(List<Connection> connections) {
        Map<String, LinkState> stored = store.findLive();
        Map<String, ConnectionLink> links = new LinkedHashMap<>();
        for (Connection connection : connections) {
            identity(connection).ifPresent(identity -> links.put(connection.id(),
                    ConnectionLink.of(stored.getOrDefault(connection.id(), LinkState.NOT_CHECKED), identity)));
        }
        return links;
    }

    /** The stored links of the live connections that FAILED, by connection id (health). */
    @Transactional(readOnly = true)
    public Map<String, LinkState> failed() {
        Map<String, LinkState> failed = new LinkedHashMap<>(store.findLive());
        failed.values().removeIf(state -> state.status() != LinkStatus.FAILED);
        return failed;
    }

    /** Whether the connection was unlinked: its schedules wait for a link. */
    @Transactional(readOnly = true)
    public boolean unlinked(String connectionId) {
        return store.find(connectionId).unlinked();
    }

    /**
     * Refuses a run of an unlinked connection; called by the start of every run, in its transaction and under the
     * connection's row lock.
     *
     * @throws ConnectionUnlinkedException when the connection is unlinked
     */
    void requireRunnable(String connectionId) {
        if (store.find(connectionId).unlinked()) {
            throw new ConnectionUnlinkedException(connectionId);
        }
    }

    /** @throws NoLinkException when the connection's ERP has no link */
    public void requireLinkable(Connection connection) {
        if (identity(connection).isEmpty()) {
            throw new NoLinkException(connection.id(), connection.erp());
        }
    }

    /** A connection test's answer, for a connection whose ERP has a link. Never throws: the test is answered still. */
    public void tested(Connection connection, ConnectionTestResult test) {
        if (identity(connection).isPresent()) {
            quietly(connection.id(), "test",
                    () -> update(connection.id(), current -> rules.tested(current, test, now())));
        }
    }

    /**
     * {@code POST /link}: the test's answer links the connection, or says why not; leaving an unlink, its schedules
     * are made again.
     *
     * @throws ConnectionNotFoundException (or archived) when the connection went meanwhile
     */
    @Transactional
    public ConnectionLink linked(Connection connection, ConnectionTestResult test) {
        requireLinkable(connection);
        repository.lockLive(connection.id());
        LinkState current = store.find(connection.id());
        LinkState next = rules.linked(current, test, now());
        store.save(connection.id(), next);
        Connection live = repository.findById(connection.id()).orElseThrow();
        if (current.unlinked()) {
            log.info("connection {} linked again: {}", connection.id(), next.status());
            events.publish(new ConnectionChanged(live.id(), live));
        }
        return ConnectionLink.of(next, identity(live).orElseThrow(() -> new NoLinkException(live.id(), live.erp())));
    }

    /**
     * {@code POST /unlink}: no run of the connection starts and no schedule fires until it is linked again, and what
     * is held of its ERP (tokens, transports) is dropped; its data stays. A run going finishes. Again and again the
     * same.
     *
     * @param by the caller's name, kept in the link's message; null when unknown
     */
    @Transactional
    public ConnectionLink unlink(String connectionId, String by) {
        repository.lockLive(connectionId);
        Connection connection = repository.findById(connectionId).orElseThrow();
        requireLinkable(connection);
        LinkState current = store.find(connectionId);
        LinkState next = rules.unlinked(current, by);
        if (!next.equals(current)) {
            store.save(connectionId, next);
            log.info("connection {} {}: its schedules stop and its tokens are dropped until it is linked again",
                    connectionId, next.message());
            // the schedules, the transports and the tokens held for the connection all listen to this
            events.publish(new ConnectionChanged(connectionId, connection));
        }
        return ConnectionLink.of(next, identity(connection).orElseThrow());
    }

    /**
     * The connection {@code before} became {@code after}, in the caller's transaction under the connection's row
     * lock: when what its link names, its credentials or its default endpoint changed, the last check no longer
     * says anything. {@code before} is null when {@code after} was created again over its archived row: its
     * credentials were wiped with the archive and are given anew.
     */
    void changed(Connection before, Connection after) {
        Optional<Map<String, Object>> identity = identity(after);
        if (identity.isEmpty()) {
            return;
        }
        List<String> changed = new ArrayList<>();
        if (before == null) {
            changed.add("credentials");
        } else {
            Map<String, Object> was = Objects.equals(before.erp(), after.erp()) ? identity(before).orElse(Map.of())
                    : Map.of();
            identity.get().forEach((key, value) -> {
                if (!Objects.equals(text(value), text(was.get(key)))) {
                    changed.add(key);
                }
            });
            if (!Objects.equals(before.credentials(), after.credentials())) {
                changed.add("credentials");
            }
            if (!Objects.equals(before.defaultEndpoint().url(), after.defaultEndpoint().url())) {
                changed.add("endpoint");
            }
        }
        LinkState current = store.find(after.id());
        LinkState next = rules.changed(current, changed);
        if (!next.equals(current)) {
            store.save(after.id(), next);
        }
    }

    /**
     * Every finished run of a connection whose ERP has a link says whether the link holds. Called on the run's
     * thread once the run is stored: it never throws into the engine that finished it.
     */
    @EventListener
    public void onRunFinished(RunFinished finished) {
        RunView run = finished.run();
        quietly(run.connection(), "run " + run.id(), () -> {
            Optional<Connection> connection = repository.findById(run.connection());
            Optional<ErpConnector> connector = connection.flatMap(c -> connectors.find(c.erp()));
            if (connector.isEmpty() || identity(connection.get()).isEmpty()) {
                return;
            }
            Optional<String> linkFailure = finished.failure() == null ? Optional.empty()
                    : connector.get().linkFailure(finished.failure());
            update(run.connection(), current -> rules.ran(current, run.id(), run.flow(), run.status(), linkFailure,
                    now()));
        });
    }

    /** Stores what {@code rule} makes of the link, under the connection's row lock; skipped once it is archived. */
    private void update(String connectionId, UnaryOperator<LinkState> rule) {
        transaction.executeWithoutResult(status -> {
            Optional<ConnectionRepository.StoredRow> row = repository.lock(connectionId);
            if (row.isEmpty() || row.get().archived()) {
                return;
            }
            LinkState current = store.find(connectionId);
            LinkState next = rule.apply(current);
            if (!next.equals(current)) {
                store.save(connectionId, next);
            }
        });
    }

    /** What the test or the run found is answered and stored with it: a failure here loses only the link's mirror. */
    private void quietly(String connectionId, String what, Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            log.warn("connection {}: the link could not be updated after its {}: {}", connectionId, what,
                    e.getClass().getSimpleName());
        }
    }

    private Optional<Map<String, Object>> identity(Connection connection) {
        return connectors.find(connection.erp()).flatMap(connector -> connector.linkIdentity(connection));
    }

    /** Options may be numbers or strings in JSON: {@code 7777} and {@code "7777"} name the same mandant. */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant now() {
        // the database keeps microseconds at best: answer what a later read will answer
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
