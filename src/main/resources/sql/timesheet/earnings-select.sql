select le.line_id, le.code, le.quantity
  from timesheet_line_earning le
  join timesheet_line l on l.id = le.line_id
 where l.timesheet_id = :timesheetId
 order by le.line_id, le.code
