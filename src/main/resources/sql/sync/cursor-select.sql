select watermark
  from sync_cursor
 where connection_id = :connectionId
   and company_id = :companyId
   and entity = :entity
