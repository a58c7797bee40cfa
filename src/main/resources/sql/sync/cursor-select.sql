select watermark
  from sync_cursor
 where connection_id = :connectionId
   and entity = :entity
