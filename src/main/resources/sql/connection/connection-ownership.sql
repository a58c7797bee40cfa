-- whose the live connection is, without its credentials: what the API's access rules read on every call
select c.id, c.owner, c.allow_others_to_edit
  from connection c
 where c.id = :id
   and c.archived_at is null
