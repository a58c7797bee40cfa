update export_item
   set state = :state,
       code = :code,
       message = :message,
       last_run_id = :runId,
       updated_at = :now
 where connection_id = :connectionId
   and kind = :kind
   and source_id = :sourceId
