-- Lines of VALIDATED or FROZEN timesheets of the company that this connection does not hold yet: never
-- exported, PENDING, or REJECTED (picked up again on every run). Codes as the ERP spells them. Keyset-paged by
-- line id; one query per page.
select l.id as line_id, l.timesheet_id, t.status as timesheet_status,
       e.number as employee_number, p.number as project_number, a.code as activity_code, tr.code as trade_code,
       l.work_date, l.hours, l.hour_type_code, x.state as export_state
  from timesheet_line l
  join timesheet t on t.id = l.timesheet_id
  join employee e on e.id = t.employee_id
  join project p on p.id = l.project_id
  left join activity a on a.id = l.activity_id
  left join trade tr on tr.id = l.trade_id
  left join export_item x on x.connection_id = :connectionId and x.kind = 'TIMESHEET_LINE' and x.source_id = l.id
 where t.company_id = :companyId
   and t.status in ('VALIDATED', 'FROZEN')
   and l.id > :after
   and (x.id is null or x.state in ('PENDING', 'REJECTED'))
 order by l.id
 limit :limit
