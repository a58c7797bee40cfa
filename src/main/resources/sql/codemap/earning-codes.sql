-- the company's synced earnings (expenses, premiums) among some match keys: match key -> the ERP's own spelling
select match_key, code
  from earning_type
 where company_id = :companyId
   and match_key in (:matchKeys)
