-- the connection's export key goes once this instance runs none of its exports any more
delete from run_claim
 where claim_key = :key and instance_id = :instanceId
   and not exists (select 1 from run_claim f
                    where f.connection_id = :connectionId and f.kind = 'EXPORT' and f.instance_id = :instanceId)
