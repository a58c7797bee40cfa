insert into import_job_run (job_id, trigger_type, started_at) values (:jobId, :trigger, :startedAt)
