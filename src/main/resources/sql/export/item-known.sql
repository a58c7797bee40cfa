-- the ids come as a VALUES list joined on the (connection_id, kind, source_id) key (see SqlFiles.keyRows)
select x.source_id
  from (values :sourceIds) k (source_id)
  join export_item x on x.connection_id = :connectionId and x.kind = :kind and x.source_id = k.source_id
