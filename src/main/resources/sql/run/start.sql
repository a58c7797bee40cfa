-- a queued run starts its clock when it really starts
update sync_run
   set started_at = :startedAt
 where id = :id
