insert into sync_run (connection_id, flow, direction, trigger_type, mode, retry_of, started_at, status)
values (:connectionId, :flow, :direction, :trigger, :mode, :retryOf, :startedAt, 'RUNNING')
