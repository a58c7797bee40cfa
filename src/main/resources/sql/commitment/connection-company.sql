select company_id
  from connection
 where id = :connectionId
