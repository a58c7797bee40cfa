-- rows of the company that a page's new records may link to (same key) or nearly match (same loose key)
select id, match_key, loose_key, code as display_key
  from earning_type
 where company_id = :companyId
   and (match_key in (:matchKeys) or loose_key in (:looseKeys))
