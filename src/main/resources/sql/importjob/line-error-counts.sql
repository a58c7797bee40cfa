-- how many errors each line (sync run) of a job's run has
select r.id as run_id, count(e.id) as errors
  from sync_run r
  join sync_error e on e.run_id = r.id
 where r.import_run_id = :importRunId
 group by r.id
