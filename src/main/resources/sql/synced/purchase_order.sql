-- the company's purchase_order rows among some match keys, with the key as the ERP spells it and the row's status
-- (see sync.SyncedKey).
-- The keys come as a VALUES list joined on the (company_id, match_key) index: see SqlFiles.keyRows.
select x.id, x.match_key, x.number as code, x.status
  from (values :matchKeys) k (match_key)
  join purchase_order x on x.company_id = :companyId and x.match_key = k.match_key
