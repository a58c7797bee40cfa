update sync_cursor
   set watermark = :watermark,
       updated_at = :now
 where connection_id = :connectionId
   and company_id = :companyId
   and entity = :entity
