-- the codes among :codes that the company knows as earnings: mapped for one of its connections, or synced
select m.platform_code as code
  from code_map m
  join connection c on c.id = m.connection_id
 where c.company_id = :companyId
   and m.kind = 'EARNING'
   and m.platform_code in (:codes)
union
select e.match_key as code
  from earning_type e
 where e.company_id = :companyId
   and e.match_key in (:codes)
