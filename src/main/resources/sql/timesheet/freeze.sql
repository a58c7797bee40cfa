-- one statement per sheet, batched: with "id in (:ids)" H2 tests each updated row against the whole list
update timesheet
   set status = 'FROZEN',
       updated_at = :now
 where id = :timesheetId
   and status = 'VALIDATED'
