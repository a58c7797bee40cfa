-- the company's activitys among some match keys
select id, match_key
  from activity
 where company_id = :companyId
   and match_key in (:matchKeys)
