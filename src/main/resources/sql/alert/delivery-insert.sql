insert into alert_delivery (delivery_id, connection_id, event, body, status, attempts, next_attempt_at, created_at)
values (:deliveryId, :connectionId, :event, :body, 'PENDING', 0, :nextAttemptAt, :createdAt)
