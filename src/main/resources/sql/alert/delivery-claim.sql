-- the claim: whichever instance moves next_attempt_at first sends it; the others' update finds no row
update alert_delivery
   set next_attempt_at = :leaseUntil
 where id = :id and status = 'PENDING' and next_attempt_at = :seen
