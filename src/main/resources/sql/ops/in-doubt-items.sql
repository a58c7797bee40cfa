-- ledger items sent whose answer is not recorded: SENT (on the wire now, or left so by a stopped process) or
-- UNKNOWN (the answer was lost); the export_item_in_doubt index reads only those rows
select connection_id, kind, count(*) as items
  from export_item
 where state in ('SENT', 'UNKNOWN')
 group by connection_id, kind
