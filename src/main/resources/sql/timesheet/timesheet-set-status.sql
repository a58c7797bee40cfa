update timesheet
   set status = :status,
       updated_at = :now
 where id = :timesheetId
