update timesheet
   set status = 'FROZEN',
       updated_at = :now
 where id in (:timesheetIds)
   and status = 'VALIDATED'
