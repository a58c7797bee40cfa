select * from sync_error where run_id = :runId order by id
