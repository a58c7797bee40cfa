-- the company's synced hour types among some match keys: match key -> the ERP's own spelling
select match_key, code
  from hour_type
 where company_id = :companyId
   and match_key in (:matchKeys)
