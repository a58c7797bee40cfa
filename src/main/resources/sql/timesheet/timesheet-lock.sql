-- takes the timesheet's row lock for the rest of the transaction (a concurrent freeze waits), if it exists
update timesheet
   set updated_at = :now
 where id = :timesheetId
