-- committed before the batch goes on the wire: a process that dies now leaves SENT, which the next run reconciles
update export_item
   set state = 'SENT',
       batch_id = :batchId,
       attempts = attempts + 1,
       code = null,
       message = null,
       last_run_id = :runId,
       updated_at = :now
 where connection_id = :connectionId
   and kind = :kind
   and source_id = :sourceId
