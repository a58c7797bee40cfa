select * from import_job_run where job_id = :jobId and id = :id
