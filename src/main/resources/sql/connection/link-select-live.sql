-- the links of the live connections (the API's list, health): an archived connection's link is kept, not shown
select l.connection_id, l.status, l.message, l.checked_at
  from connection_link l
  join connection c on c.id = l.connection_id
 where c.archived_at is null
