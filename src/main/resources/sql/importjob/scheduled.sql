-- the jobs that have a schedule, of live connections (of one, when :connectionId is given)
select j.*
  from import_job j
  join connection c on c.id = j.connection_id
 where c.archived_at is null
   and j.schedule is not null
   and (cast(:connectionId as varchar(64)) is null or j.connection_id = :connectionId)
 order by j.id
