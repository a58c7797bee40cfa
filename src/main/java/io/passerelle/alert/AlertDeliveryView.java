package io.passerelle.alert;

import java.time.Instant;

/**
 * A delivery as {@code GET /api/connections/{id}/alerts/deliveries} shows it (its body stays in the outbox).
 *
 * @param id     the X-Passerelle-Delivery header it is sent with
 * @param status PENDING (to be sent, or tried again at {@code nextAttemptAt}), DELIVERED, GAVE_UP
 */
public record AlertDeliveryView(String id, String event, String status, int attempts, Integer lastStatus,
        String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
}
