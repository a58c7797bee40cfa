-- a job's runs, newest first
select * from import_job_run where job_id = :jobId order by id desc limit :limit
