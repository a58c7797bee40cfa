-- the first errors of one line (a sync run) of a job's run
select e.id, e.entity, e.remote_key, e.code, e.message, e.retryable
  from sync_error e
 where e.run_id = :runId
 order by e.id
 limit :limit
