-- the run history across connections, newest first, one page older than :before (0: from the newest); any filter
-- may be null
select *
  from sync_run
 where (cast(:connectionId as varchar(64)) is null or connection_id = :connectionId)
   and (cast(:flow as varchar(64)) is null or flow = :flow)
   and (cast(:status as varchar(16)) is null or status = :status)
   and (cast(:trigger as varchar(16)) is null or trigger_type = :trigger)
   and (cast(:companyId as bigint) is null or company_id = :companyId)
   and (:before = 0 or id < :before)
 order by id desc
 limit :limit
