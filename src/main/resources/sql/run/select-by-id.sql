select * from sync_run where id = :id
