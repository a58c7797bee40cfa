-- committed before the batch goes on the wire: a process that dies now leaves this row, which becomes SENT items
insert into export_batch (connection_id, kind, batch_id, run_id, items, created_at)
values (:connectionId, :kind, :batchId, :runId, :items, :now)
