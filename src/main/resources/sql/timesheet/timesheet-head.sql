-- one timesheet without its lines; the platform's spelling of the employee number when it wrote one
select t.id, t.company_id, c.code as company, coalesce(t.employee_number, e.number) as employee_number,
       t.status, t.created_at, t.updated_at
  from timesheet t
  join company c on c.id = t.company_id
  join employee e on e.id = t.employee_id
 where t.id = :timesheetId
