-- the platform company a connection belongs to, which every kind of document is stored under
select company_id
  from connection
 where id = :connectionId
