-- a run whose lines could not be made (the flows were busy, no company was selected): nothing of it happened
delete from import_job_run where id = :id
