-- the ERP projects some platform projects (:codes, match keys) are linked to in the projects code maps of the
-- company's live connections, in connection id order
select m.platform_code, m.erp_code
  from code_map m
  join connection c on c.id = m.connection_id
 where c.company_id = :companyId
   and c.archived_at is null
   and m.kind = 'PROJECT'
   and m.platform_code in (:codes)
 order by c.id
