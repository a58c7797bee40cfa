-- the platform projects the projects maps of a company's live connections name (this connection's included)
select distinct m.platform_code as code
  from code_map m
  join connection c on c.id = m.connection_id
 where c.company_id = :companyId
   and c.archived_at is null
   and m.kind = 'PROJECT'
