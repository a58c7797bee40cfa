package io.passerelle.alert;

import java.time.Instant;
import java.util.List;

/**
 * A connection's webhook: where its alerts go, the secret that signs them (decrypted: never answered, never logged),
 * which events it wants and after how many PARTIAL runs in a row a flow is worth one.
 */
public record AlertSubscription(String url, String secret, List<AlertEvent> events, int partialAfter,
        Instant updatedAt) {

    public AlertSubscription {
        events = List.copyOf(events);
    }

    public boolean wants(AlertEvent event) {
        return events.contains(event);
    }

    @Override
    public String toString() {
        return "AlertSubscription[url=" + url + ", secret=****, events=" + events + ", partialAfter=" + partialAfter
                + "]";
    }
}
