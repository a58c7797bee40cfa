select *
  from sync_run
 where (cast(:connectionId as varchar(64)) is null or connection_id = :connectionId)
   and (cast(:flow as varchar(64)) is null or flow = :flow)
   and (cast(:status as varchar(16)) is null or status = :status)
 order by id desc
 limit :limit
