select c.erp, co.code as company_code, c.archived_at, c.archived_by
  from connection c
  join company co on co.id = c.company_id
 where c.id = :id
   and c.archived_at is not null
