-- the lines of an import job's run: its sync runs, one per company × flow, in the order they were made
select * from sync_run where import_run_id = :importRunId order by id
