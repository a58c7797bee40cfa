delete from export_batch
 where connection_id = :connectionId
   and kind = :kind
   and batch_id = :batchId
