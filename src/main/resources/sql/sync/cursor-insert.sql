insert into sync_cursor (connection_id, company_id, entity, watermark, updated_at)
values (:connectionId, :companyId, :entity, :watermark, :now)
