package io.passerelle.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.alert.AlertStore.FlowKey;
import io.passerelle.alert.AlertStore.StoredState;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionChanged;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.Schedules;
import io.passerelle.run.RunCompany;
import io.passerelle.run.RunFinished;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunView;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides the alerts ({@link AlertRules}) as runs end and as flows go stale, and puts the ones a connection's webhook
 * wants in the outbox, in the same transaction as the flow's state: an alert is queued once, whichever instance saw
 * the run, and survives a restart. {@link AlertDeliveries} sends them.
 */
@Component
class AlertService {

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    private final AlertStore store;
    private final AlertProperties properties;
    private final AlertMetrics metrics;
    private final ConnectionDirectory connections;
    private final RunHistory runs;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final TimeZone timeZone;
    private final Clock clock;

    AlertService(AlertStore store, AlertProperties properties, AlertMetrics metrics, ConnectionDirectory connections,
            RunHistory runs, ObjectMapper json, PlatformTransactionManager transactions,
            @Value("${passerelle.schedule.time-zone:UTC}") String timeZone) {
        this.store = store;
        this.properties = properties;
        this.metrics = metrics;
        this.connections = connections;
        this.runs = runs;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        // after the run's commit its transaction's resources are still bound: the state is written in a new one
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.timeZone = TimeZone.getTimeZone(timeZone);
        this.clock = Clock.systemUTC();
    }

    /** The gauge of last successes starts from what is stored, not from zero after a restart. */
    @EventListener(ApplicationReadyEvent.class)
    void loadLastSuccesses() {
        store.lastSuccesses().forEach(s -> metrics.succeeded(s.key().connectionId(), s.key().flow(),
                s.state().lastSuccessAt()));
    }

    /**
     * Once the run is stored (after its commit when it ends in a transaction). Never throws into the engine that ended
     * it: a failure here loses an alert, logged, not the run.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void onRunFinished(RunFinished finished) {
        RunView run = finished.run();
        try {
            ran(run);
        } catch (RuntimeException e) {
            LOG.warn("connection {}: the alert state of run {} could not be updated: {}", run.connection(), run.id(),
                    e.toString());
        }
    }

    void ran(RunView run) {
        Instant at = run.finishedAt() != null ? run.finishedAt() : clock.instant();
        if ("SUCCEEDED".equals(run.status())) {
            metrics.succeeded(run.connection(), run.flow(), at);
        }
        Optional<AlertSubscription> subscription = store.subscription(run.connection());
        int partialAfter = subscription.map(AlertSubscription::partialAfter).orElse(properties.partialAfter());
        FlowKey key = FlowKey.of(run.connection(), run.company(), run.flow());
        transaction.executeWithoutResult(status -> {
            Optional<StoredState> stored = store.lockState(key);
            FlowAlertState before = stored.map(StoredState::state).orElse(null);
            AlertRules.Outcome outcome = AlertRules.ran(before, run.status(), at, partialAfter);
            store.saveState(key, stored.isPresent(), run.company(), run.id(), run.status(), outcome.state());
            outcome.alert().ifPresent(event -> queue(subscription, event, run.connection(), run.company(), run.flow(),
                    run, since(event, before, outcome.state()), at));
        });
    }

    /**
     * The periodic check ({@link AlertRoutes}): each scheduled flow of a connection whose webhook wants STALE that has
     * not succeeded for longer than its schedule allows. A flow that never ran is not stale: there is nothing to
     * compare; nor is an unscheduled one.
     */
    void checkStale() {
        Instant now = clock.instant();
        for (String connectionId : store.subscribedToStale()) {
            try {
                connections.find(connectionId).ifPresent(connection -> checkStale(connection, now));
            } catch (RuntimeException e) {
                LOG.warn("connection {}: its flows could not be checked for staleness: {}", connectionId,
                        e.toString());
            }
        }
    }

    private void checkStale(Connection connection, Instant now) {
        if (connection.schedules() == null || connection.schedules().isEmpty()) {
            return;
        }
        Optional<AlertSubscription> subscription = store.subscription(connection.id());
        if (subscription.isEmpty() || !subscription.get().wants(AlertEvent.STALE)) {
            return;
        }
        for (StoredState candidate : store.states(connection.id())) {
            Optional<Duration> interval = interval(connection.schedules().get(candidate.key().flow()), timeZone, now);
            if (interval.isEmpty()) {
                continue;
            }
            Duration staleAfter = AlertRules.staleAfter(interval.get(), properties.staleFactor(),
                    properties.staleGrace());
            if (AlertRules.checked(candidate.state(), staleAfter, now).alert().isEmpty()) {
                continue; // the usual case, without a transaction
            }
            transaction.executeWithoutResult(status -> store.lockState(candidate.key()).ifPresent(stored -> {
                AlertRules.Outcome outcome = AlertRules.checked(stored.state(), staleAfter, now);
                outcome.alert().ifPresent(event -> {
                    store.saveState(stored.key(), true, stored.company(), stored.lastRunId(), null, outcome.state());
                    RunView last = stored.lastRunId() == null ? null : runs.find(stored.lastRunId()).orElse(null);
                    queue(subscription, event, connection.id(), stored.company(), stored.key().flow(), last,
                            stored.state().lastSuccessAt(), now);
                });
            }));
        }
    }

    /** An archived or deleted connection keeps no webhook secret (its credentials go too). */
    @EventListener
    void onConnectionChanged(ConnectionChanged change) {
        if (change.deleted()) {
            store.deleteSubscription(change.connectionId());
        }
    }

    /**
     * The time between the next two fires after {@code now} of a schedule (a cron or one of its plain forms, see
     * {@link Schedules}), read in {@code timeZone}; empty for none, or one that never fires again.
     */
    static Optional<Duration> interval(String schedule, TimeZone timeZone, Instant now) {
        Optional<String> cron = Schedules.cron(schedule);
        if (cron.isEmpty()) {
            return Optional.empty();
        }
        try {
            CronExpression expression = new CronExpression(cron.get());
            expression.setTimeZone(timeZone);
            Date next = expression.getNextValidTimeAfter(Date.from(now));
            Date after = next == null ? null : expression.getNextValidTimeAfter(next);
            return after == null ? Optional.empty()
                    : Optional.of(Duration.ofMillis(after.getTime() - next.getTime()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The body's {@code since}: for RECOVERED, when the alert it ends was raised; for the others, the flow's last
     * success (null: it never succeeded).
     */
    private static Instant since(AlertEvent event, FlowAlertState before, FlowAlertState after) {
        if (event == AlertEvent.RECOVERED) {
            return before == null ? null : before.alertedSince();
        }
        return after.lastSuccessAt();
    }

    private void queue(Optional<AlertSubscription> subscription, AlertEvent event, String connectionId,
            RunCompany company, String flow, RunView run, Instant since, Instant at) {
        if (subscription.isEmpty() || !subscription.get().wants(event)) {
            return;
        }
        String deliveryId = UUID.randomUUID().toString();
        store.enqueue(deliveryId, connectionId, event, body(event, connectionId, company, flow, run, since, at),
                clock.instant());
        metrics.count(event, "queued");
        LOG.info("connection {}: {} alert of flow {} queued as delivery {}", connectionId, event, flow, deliveryId);
    }

    /** What the webhook receives: the run's words and counts, never a credential, a token or the webhook's secret. */
    String body(AlertEvent event, String connectionId, RunCompany company, String flow, RunView run, Instant since,
            Instant at) {
        ObjectNode body = json.createObjectNode();
        body.put("event", event.name());
        body.put("connection", connectionId);
        if (company == null) {
            body.putNull("company");
        } else {
            ObjectNode named = body.putObject("company");
            named.put("id", company.id());
            named.put("erpCompanyId", company.erpCompanyId());
            named.put("name", company.name());
        }
        body.put("flow", flow);
        if (run == null) {
            body.putNull("run");
        } else {
            ObjectNode ran = body.putObject("run");
            ran.put("id", run.id());
            ran.put("status", run.status());
            ran.set("counts", json.valueToTree(run.counts()));
            ran.put("message", run.message());
        }
        body.put("since", since == null ? null : since.toString());
        body.put("at", at.toString());
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an alert's body could not be written", e);
        }
    }
}
