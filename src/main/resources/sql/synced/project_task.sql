-- the company's project_task rows among some match keys, with the key as the ERP spells it and the row's status
-- (null: the table has none; see sync.SyncedKey).
-- The keys come as a VALUES list joined on the (company_id, match_key) index: see SqlFiles.keyRows.
select x.id, x.match_key, x.code as code, x.status
  from (values :matchKeys) k (match_key)
  join project_task x on x.company_id = :companyId and x.match_key = k.match_key
