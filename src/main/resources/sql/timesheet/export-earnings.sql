select line_id, code, quantity
  from timesheet_line_earning
 where line_id in (:lineIds)
 order by line_id, code
