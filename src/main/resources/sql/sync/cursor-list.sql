-- every stored watermark of a connection, by canonical entity (flows without a row have never committed a page)
select entity, watermark, updated_at
  from sync_cursor
 where connection_id = :connectionId
