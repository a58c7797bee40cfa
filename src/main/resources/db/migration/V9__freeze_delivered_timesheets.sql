-- Sheets whose lines an ERP holds are FROZEN. Before V9 a sheet whose lines were delivered on a path that did not
-- tell the timesheet side (a process stopped with the batch on the wire, then reconciliation found it held) stayed
-- VALIDATED; the export engine now tells it on every path, and this repairs the sheets left behind.
update timesheet
   set status = 'FROZEN',
       updated_at = current_timestamp
 where status <> 'FROZEN'
   and exists (select 1
                 from timesheet_line l
                 join export_item x on x.kind = 'TIMESHEET_LINE' and x.source_id = l.id
                where l.timesheet_id = timesheet.id
                  and x.state in ('ACCEPTED', 'DUPLICATE'))
