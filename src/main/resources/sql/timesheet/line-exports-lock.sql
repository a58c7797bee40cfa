-- a line's export states, locked so that the export engine cannot move them while the line is corrected
select state
  from export_item
 where kind = 'TIMESHEET_LINE'
   and source_id = :lineId
   for update
