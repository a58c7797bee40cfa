delete from run_claim where instance_id = :instanceId
