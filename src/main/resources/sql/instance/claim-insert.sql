insert into run_claim (claim_key, connection_id, kind, instance_id, claimed_at)
values (:key, :connectionId, :kind, :instanceId, :now)
