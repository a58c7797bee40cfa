-- the company's projects among some match keys
select id, match_key
  from project
 where company_id = :companyId
   and match_key in (:matchKeys)
