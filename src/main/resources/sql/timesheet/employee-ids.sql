-- the company's employees among some match keys
select id, match_key
  from employee
 where company_id = :companyId
   and match_key in (:matchKeys)
