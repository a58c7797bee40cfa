-- the live connections that bring each company: those that import it, and those whose own company it is
select x.company_id, x.connection_id
  from (select l.company_id, l.connection_id from connection_company l where l.company_id in (:companyIds)
        union
        select c.company_id, c.id as connection_id from connection c where c.company_id in (:companyIds)) x
  join connection c on c.id = x.connection_id
 where c.archived_at is null
 order by x.company_id, x.connection_id
