select count(*) from sync_run where status = 'RUNNING' and instance_id = :instanceId
