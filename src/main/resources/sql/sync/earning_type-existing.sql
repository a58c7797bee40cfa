-- rows of the company that a page's new records may link to (same key) or nearly match (same loose key).
-- The keys come as a VALUES list joined on the (company_id, key) indexes: "key in (...)" after another
-- condition, or an OR of two, makes H2 scan every row of the company for every page.
select x.id, x.match_key, x.loose_key, x.code as display_key
  from (values :matchKeys) k (match_key)
  join earning_type x on x.company_id = :companyId and x.match_key = k.match_key
union
select x.id, x.match_key, x.loose_key, x.code as display_key
  from (values :looseKeys) k (loose_key)
  join earning_type x on x.company_id = :companyId and x.loose_key = k.loose_key
