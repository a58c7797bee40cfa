select company_id
  from connection
 where id = :connectionId
   and archived_at is null
