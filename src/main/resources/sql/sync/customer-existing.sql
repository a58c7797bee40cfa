-- rows a page's new records may link to (same key) or nearly match (same loose key): see employee-existing.sql
select x.id, x.match_key, x.loose_key, x.code as display_key
  from (values :matchKeys) k (match_key)
  join customer x on x.company_id = :companyId and x.match_key = k.match_key
union
select x.id, x.match_key, x.loose_key, x.code as display_key
  from (values :looseKeys) k (loose_key)
  join customer x on x.company_id = :companyId and x.loose_key = k.loose_key
