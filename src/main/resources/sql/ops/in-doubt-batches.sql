-- batches on the wire (or left by a stopped process until the next start): their first-time items have no
-- export_item row until the answer is recorded, so they are counted from the batch's item list
select connection_id, kind, items
  from export_batch
