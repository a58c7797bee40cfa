update alert_delivery
   set status = 'DELIVERED', attempts = :attempts, last_status = :lastStatus, last_error = null,
       delivered_at = :deliveredAt
 where id = :id
