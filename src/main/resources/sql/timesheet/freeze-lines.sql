-- freezes the VALIDATED timesheets that hold any of :lineIds
update timesheet
   set status = 'FROZEN',
       updated_at = :now
 where status = 'VALIDATED'
   and id in (select l.timesheet_id from timesheet_line l where l.id in (:lineIds))
