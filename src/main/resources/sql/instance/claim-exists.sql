select count(*) from run_claim where claim_key = :key
