select connection_id, instance_id from run_claim where claim_key = :key
