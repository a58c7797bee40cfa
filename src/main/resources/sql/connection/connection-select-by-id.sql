select c.id, c.erp, c.credentials, c.schedules, c.options, c.owner, c.allow_others_to_edit, c.created_at, c.updated_at,
       co.code as company_code, co.name as company_name
  from connection c
  join company co on co.id = c.company_id
 where c.id = :id
   and c.archived_at is null
