package io.passerelle.alert;

import io.passerelle.alert.AlertStore.Due;
import io.passerelle.connection.ConnectionDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts the outbox's due alerts to their connection's webhook: the body as stored, signed with the webhook's secret
 * ({@link WebhookSignature}), {@code X-Passerelle-Event} and {@code X-Passerelle-Delivery} (the same on every attempt,
 * for receivers to drop duplicates). A 2xx is delivered; anything else is tried again after
 * {@link AlertProperties#backoff} until {@code max-attempts}, then given up with its last error. Each delivery is
 * claimed before it is sent, so that two instances polling the same outbox do not both send it; one whose instance
 * stopped mid-send is sent again once its claim lapses (at least once, hence the delivery id).
 */
@Component
class AlertDeliveries {

    static final String EVENT_HEADER = "X-Passerelle-Event";
    static final String DELIVERY_HEADER = "X-Passerelle-Delivery";
    private static final Logger LOG = LoggerFactory.getLogger(AlertDeliveries.class);
    /** A claim outlasts the request by this much: an answer that comes at the timeout is still recorded first. */
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

    private final AlertStore store;
    private final AlertProperties properties;
    private final AlertMetrics metrics;
    private final ConnectionDirectory connections;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();

    AlertDeliveries(AlertStore store, AlertProperties properties, AlertMetrics metrics,
            ConnectionDirectory connections) {
        this.store = store;
        this.properties = properties;
        this.metrics = metrics;
        this.connections = connections;
        // a webhook that redirects is refused as any non-2xx: the signed body goes only where it was configured to
        this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends what is due; the number delivered. */
    int deliverDue() {
        int delivered = 0;
        for (Due due : store.due(clock.instant(), properties.batchSize())) {
            if (store.claim(due, clock.instant().plus(properties.requestTimeout()).plus(CLAIM_MARGIN))
                    && deliver(due)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(Due due) {
        int attempt = due.attempts() + 1;
        Optional<AlertSubscription> subscription = connections.find(due.connectionId()).isEmpty() ? Optional.empty()
                : store.subscription(due.connectionId());
        if (subscription.isEmpty()) {
            giveUp(due, attempt, null, "the connection has no webhook any more");
            return false;
        }
        byte[] body = due.body().getBytes(StandardCharsets.UTF_8);
        Integer status = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.get().url()))
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Passerelle-Alerts")
                    .header(WebhookSignature.HEADER, WebhookSignature.of(body, subscription.get().secret()))
                    .header(EVENT_HEADER, due.event().name())
                    .header(DELIVERY_HEADER, due.deliveryId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                store.delivered(due.id(), attempt, status, clock.instant());
                metrics.count(due.event(), "delivered");
                return true;
            }
            error = "the webhook answered HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            // the exception's words, not the URL's query or anything of the body
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        if (attempt >= properties.maxAttempts()) {
            giveUp(due, attempt, status, error);
        } else {
            Instant next = clock.instant().plus(properties.backoff(attempt));
            store.failed(due.id(), attempt, status, error, next, false);
            metrics.count(due.event(), "retried");
            LOG.info("connection {}: alert delivery {} attempt {} failed ({}), next at {}", due.connectionId(),
                    due.deliveryId(), attempt, error, next);
        }
        return false;
    }

    private void giveUp(Due due, int attempt, Integer status, String error) {
        store.failed(due.id(), attempt, status, error, clock.instant(), true);
        metrics.count(due.event(), "gave_up");
        LOG.warn("connection {}: alert delivery {} ({}) given up after {} attempts: {}", due.connectionId(),
                due.deliveryId(), due.event(), attempt, error);
    }
}
