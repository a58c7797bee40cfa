-- batches of a connection and kind whose answer was never recorded
select connection_id, kind, batch_id, run_id, items
  from export_batch
 where connection_id = :connectionId
   and kind = :kind
 order by created_at
