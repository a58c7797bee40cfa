select erp
  from connection
 where id = :connectionId
