-- a bare company no connection names or reaches any more; one that anything else refers to (records, timesheets,
-- code maps) stays, refused by its foreign keys
delete from company
 where id = :id
   and erp_key is null
   and number_key is null
   and not exists (select 1 from connection x where x.company_id = :id)
   and not exists (select 1 from connection_company l where l.company_id = :id)
