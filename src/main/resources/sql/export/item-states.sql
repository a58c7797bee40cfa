select source_id, state, attempts
  from export_item
 where connection_id = :connectionId
   and kind = :kind
   and source_id in (:sourceIds)
