-- the runs of an instance that stopped heart-beating: they will never finish
update sync_run
   set status = 'FAILED',
       finished_at = :now,
       message = :message
 where status = 'RUNNING' and instance_id = :instanceId
