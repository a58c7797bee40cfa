-- one statement per sheet, batched: with "id in (:ids)" H2 tests each updated row against the whole list.
-- A DRAFT sheet too: it was set back to DRAFT while its lines were on the wire, and the ERP holds them now.
update timesheet
   set status = 'FROZEN',
       updated_at = :now
 where id = :timesheetId
   and status <> 'FROZEN'
