-- the company's synced projects among some match keys: match key -> the project's number as the ERP spells it
select match_key, number as code
  from project
 where company_id = :companyId
   and match_key in (:matchKeys)
