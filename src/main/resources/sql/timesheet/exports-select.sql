-- where each line of a timesheet stands with each connection it went (or is going) to
select x.source_id, x.connection_id, x.state, x.code, x.message, x.updated_at
  from export_item x
  join timesheet_line l on l.id = x.source_id
 where l.timesheet_id = :timesheetId
   and x.kind = 'TIMESHEET_LINE'
 order by x.source_id, x.connection_id
