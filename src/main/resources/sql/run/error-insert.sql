insert into sync_error (run_id, entity, remote_key, code, message, payload, retryable, created_at)
values (:runId, :entity, :remoteKey, :code, :message, :payload, :retryable, :createdAt)
