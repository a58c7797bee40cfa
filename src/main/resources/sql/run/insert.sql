insert into sync_run (connection_id, flow, direction, trigger_type, mode, started_at, status)
values (:connectionId, :flow, :direction, :trigger, :mode, :startedAt, 'RUNNING')
