insert into sync_cursor (connection_id, entity, watermark, updated_at)
values (:connectionId, :entity, :watermark, :now)
