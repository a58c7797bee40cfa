-- the codes among :codes that the company knows as hour types: mapped for one of its connections, or synced
select m.platform_code as code
  from code_map m
  join connection c on c.id = m.connection_id
 where c.company_id = :companyId
   and m.kind = 'HOUR_TYPE'
   and m.platform_code in (:codes)
union
select h.match_key as code
  from hour_type h
 where h.company_id = :companyId
   and h.match_key in (:codes)
