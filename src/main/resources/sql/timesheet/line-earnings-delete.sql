delete from timesheet_line_earning
 where line_id = :lineId
