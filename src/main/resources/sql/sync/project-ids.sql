-- the keys come as a VALUES list joined on the (company_id, match_key) index: see employee-existing.sql
select p.id, p.match_key
  from (values :matchKeys) k (match_key)
  join project p on p.company_id = :companyId and p.match_key = k.match_key
