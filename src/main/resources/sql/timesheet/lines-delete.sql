-- earnings go with their lines (on delete cascade)
delete from timesheet_line
 where timesheet_id = :timesheetId
