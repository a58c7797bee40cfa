select match_key, local_id, content_hash
  from remote_ref
 where connection_id = :connectionId
   and entity = :entity
   and match_key in (:matchKeys)
