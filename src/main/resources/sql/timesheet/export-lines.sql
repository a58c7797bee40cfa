-- Lines of VALIDATED or FROZEN timesheets of the company that this connection does not hold yet: never
-- exported, PENDING, or REJECTED (picked up again on every run). Codes as the ERP spells them: the activity code is
-- the project's activity's or the company's service code's, as activity_kind says; the project's number is null for
-- a line that named a platform project (project_code, translated through the connection's projects map). Keyset-paged by
-- line id; one query per page.
-- Every join is a LEFT JOIN (the inner ones are restored by the WHERE clause) so that H2 keeps this join order:
-- it walks timesheet_line in primary-key order from :after and stops at :limit, instead of starting from the
-- company's timesheets and sorting every line of the company on every page. PostgreSQL plans it as inner joins.
select l.id as line_id, l.timesheet_id, t.status as timesheet_status,
       e.number as employee_number, p.number as project_number, coalesce(l.project_number, p.number) as project_code,
       coalesce(a.code, s.code) as activity_code,
       case when l.activity_id is not null then 'ACTIVITY' when l.service_code_id is not null then 'SERVICE_CODE'
       end as activity_kind,
       tr.code as trade_code,
       l.work_date, l.start_time, l.end_time, l.hours, l.hour_type_code, x.state as export_state
  from timesheet_line l
  left join timesheet t on t.id = l.timesheet_id
  left join export_item x on x.connection_id = :connectionId and x.kind = 'TIMESHEET_LINE' and x.source_id = l.id
  left join employee e on e.id = t.employee_id
  left join project p on p.id = l.project_id
  left join activity a on a.id = l.activity_id
  left join service_code s on s.id = l.service_code_id
  left join trade tr on tr.id = l.trade_id
 where l.id > :after
   and t.company_id = :companyId
   and t.status in ('VALIDATED', 'FROZEN')
   and (x.id is null or x.state in ('PENDING', 'REJECTED'))
 order by l.id
 limit :limit
