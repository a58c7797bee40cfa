-- status PENDING with a later next_attempt_at (a retry), or GAVE_UP after the last attempt
update alert_delivery
   set status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt, last_status = :lastStatus,
       last_error = :lastError
 where id = :id
