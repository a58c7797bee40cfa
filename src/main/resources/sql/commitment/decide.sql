-- READY -> ACCEPTED or REJECTED, once: 0 rows when the commitment is not READY (or not there)
update commitment
   set state = :state, decided_by = :decidedBy, decided_at = :decidedAt, reason = :reason, updated_at = :decidedAt
 where id = :id
   and state = 'READY'
