-- every batch whose answer was never recorded (at start-up, no run can be waiting for one)
select connection_id, kind, batch_id, run_id, items
  from export_batch
 order by created_at
