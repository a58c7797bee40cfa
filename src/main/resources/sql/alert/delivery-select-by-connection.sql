select id, delivery_id, connection_id, event, status, attempts, next_attempt_at, last_status, last_error, created_at,
       delivered_at
  from alert_delivery
 where connection_id = :connectionId
 order by id desc
 limit :limit
