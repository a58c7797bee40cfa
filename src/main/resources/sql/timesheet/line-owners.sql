select id, timesheet_id
  from timesheet_line
 where id in (:lineIds)
