delete from run_claim where claim_key = :key and instance_id = :instanceId
