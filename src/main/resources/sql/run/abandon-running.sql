-- runs left RUNNING by a process that stopped mid-way (this instance's previous incarnation, or one that stopped
-- heart-beating): they will never finish. Those of another live instance are going on there.
update sync_run
   set status = 'FAILED',
       finished_at = :now,
       message = 'interrupted: Passerelle stopped before the run finished'
 where status = 'RUNNING'
   and (instance_id is null
        or instance_id not in (select id from passerelle_instance where heartbeat_at >= :cutoff and id <> :me))
