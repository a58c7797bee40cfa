select id, flow from sync_run where connection_id = :id and status = 'RUNNING' order by id
