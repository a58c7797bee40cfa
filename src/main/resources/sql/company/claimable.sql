-- the platform companies a run of the connection's companies flow imports: its selected ones
select l.company_id, c.name, c.number_key
  from connection_company l
  join company c on c.id = l.company_id
 where l.connection_id = :connectionId
   and l.selected = true
