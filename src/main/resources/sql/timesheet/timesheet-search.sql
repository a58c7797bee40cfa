-- timesheets, optionally of one company and one status, keyset-paged by id
select t.id, c.code as company, coalesce(t.employee_number, e.number) as employee_number, t.status,
       (select count(*) from timesheet_line l where l.timesheet_id = t.id) as line_count,
       t.created_at, t.updated_at
  from timesheet t
  join company c on c.id = t.company_id
  join employee e on e.id = t.employee_id
 where (cast(:company as varchar(64)) is null or c.code = :company)
   and (cast(:status as varchar(16)) is null or t.status = :status)
   and t.id > :after
 order by t.id
 limit :limit
