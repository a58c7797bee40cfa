select id, delivery_id, connection_id, event, body, attempts, next_attempt_at
  from alert_delivery
 where status = 'PENDING' and next_attempt_at <= :now
 order by next_attempt_at, id
 limit :limit
