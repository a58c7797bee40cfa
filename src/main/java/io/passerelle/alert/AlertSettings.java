package io.passerelle.alert;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A connection's webhook settings, for the API ({@code /api/connections/{id}/alerts}); validated there. */
@Component
public class AlertSettings {

    /** The deliveries a connection's listing shows, newest first. */
    private static final int DELIVERIES_SHOWN = 100;

    private final AlertStore store;
    private final AlertProperties properties;
    private final Clock clock = Clock.systemUTC();

    AlertSettings(AlertStore store, AlertProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    public Optional<AlertSubscription> find(String connectionId) {
        return store.subscription(connectionId);
    }

    /** @param partialAfter null: {@code passerelle.alerts.partial-after} */
    public AlertSubscription save(String connectionId, String url, String secret, List<AlertEvent> events,
            Integer partialAfter) {
        AlertSubscription subscription = new AlertSubscription(url, secret, events,
                partialAfter == null ? properties.partialAfter() : partialAfter, clock.instant());
        store.saveSubscription(connectionId, subscription);
        return subscription;
    }

    public boolean delete(String connectionId) {
        return store.deleteSubscription(connectionId);
    }

    public List<AlertDeliveryView> deliveries(String connectionId) {
        return store.deliveries(connectionId, DELIVERIES_SHOWN);
    }

    /** The event a name means, ignoring case; empty when none. */
    public static Optional<AlertEvent> event(String name) {
        return AlertEvent.parse(name);
    }
}
