update sync_cursor
   set watermark = :watermark,
       updated_at = :now
 where connection_id = :connectionId
   and entity = :entity
