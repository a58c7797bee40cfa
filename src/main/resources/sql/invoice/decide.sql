-- READY -> ACCEPTED or REJECTED, once: 0 rows when the invoice is not READY (or not there)
update invoice
   set state = :state, decided_by = :decidedBy, decided_at = :decidedAt, reason = :reason, updated_at = :decidedAt
 where id = :id
   and state = 'READY'
