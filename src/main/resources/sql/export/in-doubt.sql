-- sent, answer not recorded: SENT (the process stopped) or UNKNOWN (the answer was lost)
select source_id, idempotency_key
  from export_item
 where connection_id = :connectionId
   and kind = :kind
   and state in ('SENT', 'UNKNOWN')
   and source_id > :after
 order by source_id
 limit :limit
