-- a run's errors, each with the company of its run
select e.*, r.company_id, r.erp_company_id, r.company_name
  from sync_error e
  join sync_run r on r.id = e.run_id
 where e.run_id = :runId
 order by e.id
