-- a job of a live connection: while its connection is archived, a job is not shown (nor run, nor scheduled)
select j.*
  from import_job j
  join connection c on c.id = j.connection_id
 where j.id = :id
   and c.archived_at is null
