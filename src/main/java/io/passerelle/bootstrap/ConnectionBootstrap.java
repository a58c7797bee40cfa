package io.passerelle.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionAlreadyExistsException;
import io.passerelle.connection.ConnectionArchivedException;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.Endpoint;
import io.passerelle.connection.InvalidConnectionException;
import io.passerelle.run.RunCompletions;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sync.SyncLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start, creates the connections of the bootstrap files that do not exist yet. An existing connection is
 * never overwritten: once it is in the database, the API owns it. An archived one is never brought back: someone
 * deleted it, and only they (through the API) may create it again. Then, when asked, syncs each, and waits for
 * those runs to finish, at most {@code passerelle.bootstrap.ready-timeout}.
 * <p>
 * An {@link ApplicationRunner}, because Spring Boot publishes {@link ReadinessState#ACCEPTING_TRAFFIC} only once
 * every runner has returned: until then readiness is down and {@code /api/**} answers 503, so that no client finds
 * a bootstrapped connection missing (404) or its flows taken by the start-up sync (409). Liveness is up meanwhile
 * (it is published before the runners): a long first sync does not get the instance restarted.
 */
@Component
// before the other start-up runners, which may need its connections (the sandbox's sample timesheets, their records)
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ConnectionBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBootstrap.class);

    private final BootstrapProperties properties;
    private final BootstrapFileReader reader;
    private final ConnectionService connections;
    private final ObjectProvider<SyncLauncher> syncLauncher;
    private final RunCompletions completions;

    public ConnectionBootstrap(BootstrapProperties properties, BootstrapFileReader reader,
            ConnectionService connections, ObjectProvider<SyncLauncher> syncLauncher, RunCompletions completions) {
        this.properties = properties;
        this.reader = reader;
        this.connections = connections;
        this.syncLauncher = syncLauncher;
        this.completions = completions;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        startUp();
    }

    /** The connections of the files, then, when asked, their sync; answers when both are done (or timed out). */
    public void startUp() {
        List<String> bootstrapped = run();
        if (properties.syncOnStart()) {
            syncOnStart(bootstrapped);
        }
    }

    /** Answers the ids of the connections named by the files that exist now (created or found). */
    public List<String> run() {
        List<String> present = new ArrayList<>();
        for (String location : properties.files()) {
            List<ConnectionDocument> documents;
            try {
                documents = reader.read(location);
            } catch (RuntimeException e) {
                log.error("Bootstrap: skipped {}: {}", location, e.getMessage());
                continue;
            }
            for (ConnectionDocument document : documents) {
                if (bootstrap(document, location)) {
                    present.add(document.id());
                }
            }
        }
        return present;
    }

    private boolean bootstrap(ConnectionDocument document, String location) {
        String id = document.id();
        try {
            if (id != null && connections.exists(id)) {
                log.info("Bootstrap: connection {} exists already, left as it is", id);
                return true;
            }
            Connection created = connections.createUnlessArchived(document);
            log.info("Bootstrap: created connection {} ({}, company {}, endpoints {}) from {}", id, created.erp(),
                    created.company().code(), created.endpoints().stream().map(Endpoint::name).toList(), location);
            return true;
        } catch (InvalidConnectionException e) {
            log.error("Bootstrap: connection {} from {} is not valid: {}", id, location, e.problems().stream()
                    .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        } catch (ConnectionArchivedException e) {
            log.info("Bootstrap: connection {} was archived{}, left alone; create it again through the API to use it",
                    id, e.archivedAt() == null ? "" : " on " + e.archivedAt());
        } catch (ConnectionAlreadyExistsException e) {
            // created meanwhile by someone else: theirs stands
            log.info("Bootstrap: connection {} exists already, left as it is", id);
            return true;
        } catch (RuntimeException e) {
            log.error("Bootstrap: connection {} from {} could not be created: {}", id, location,
                    e.getClass().getSimpleName());
        }
        return false;
    }

    private void syncOnStart(List<String> ids) {
        SyncLauncher launcher = syncLauncher.getIfAvailable();
        if (launcher == null) {
            log.warn("Bootstrap: sync-on-start is on but this build has no sync engine; nothing started");
            return;
        }
        List<Long> started = new ArrayList<>();
        for (String id : ids) {
            try {
                List<Long> runs = launcher.start(id, "all", Trigger.STARTUP, SyncMode.INCREMENTAL);
                log.info("Bootstrap: started sync of {} (runs {})", id, runs);
                started.addAll(runs);
            } catch (RuntimeException e) {
                log.warn("Bootstrap: could not start the sync of {}: {}", id, e.getMessage());
            }
        }
        Set<Long> going = completions.await(started, properties.readyTimeout());
        if (going.isEmpty()) {
            log.info("Bootstrap: start-up sync finished ({} runs)", started.size());
        } else {
            log.warn("Bootstrap: start-up runs {} still going after {} (passerelle.bootstrap.ready-timeout); ready"
                    + " anyway: a sync of their flows is refused (409) until they finish", going,
                    properties.readyTimeout());
        }
    }
}
