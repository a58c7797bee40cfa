-- the company a connection belongs to (connection.company_id), for a connection that imports none
select c.id, c.code, c.name, c.number
  from connection x
  join company c on c.id = x.company_id
 where x.id = :connectionId
