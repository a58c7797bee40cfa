insert into export_item (connection_id, kind, source_id, idempotency_key, state, batch_id, attempts, code, message,
                         last_run_id, updated_at)
values (:connectionId, :kind, :sourceId, :idempotencyKey, :state, :batchId, :attempts, :code, :message, :runId, :now)
