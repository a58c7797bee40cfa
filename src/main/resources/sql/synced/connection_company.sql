-- the companies the connections of a company reach, among some match keys, with the key as the ERP spells it (no
-- status: see sync.SyncedKey). The keys come as a VALUES list: see SqlFiles.keyRows.
select l.id, l.match_key, l.erp_company_id as code, cast(null as varchar(16)) as status
  from (values :matchKeys) k (match_key)
  join connection_company l on l.match_key = k.match_key
  join connection c on c.id = l.connection_id and c.company_id = :companyId
