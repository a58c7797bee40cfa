-- every stored watermark of a connection, by company and canonical entity (flows without a row have never committed
-- a page)
select company_id, entity, watermark, updated_at
  from sync_cursor
 where connection_id = :connectionId
