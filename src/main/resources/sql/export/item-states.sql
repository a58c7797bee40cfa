-- the ids come as a VALUES list joined on the (connection_id, kind, source_id) key: "source_id in (...)"
-- makes H2 use only the key's first two columns and read every item of the connection for every batch
select x.source_id, x.state, x.attempts
  from (values :sourceIds) k (source_id)
  join export_item x on x.connection_id = :connectionId and x.kind = :kind and x.source_id = k.source_id
