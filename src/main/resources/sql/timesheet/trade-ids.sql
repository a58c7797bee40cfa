-- the company's trades among some match keys
select id, match_key
  from trade
 where company_id = :companyId
   and match_key in (:matchKeys)
