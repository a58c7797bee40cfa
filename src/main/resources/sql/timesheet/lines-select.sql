-- a timesheet's lines in order; the platform's spelling of each code when it wrote one, and whether the activity
-- code named an activity of the project or a service code of the company
select l.id, l.work_date, l.start_time, l.end_time, coalesce(l.project_number, p.number) as project_number,
       case when l.activity_id is null and l.service_code_id is null then null
            else coalesce(l.activity_code, a.code, s.code) end as activity_code,
       case when l.activity_id is not null then 'ACTIVITY' when l.service_code_id is not null then 'SERVICE_CODE'
       end as activity_kind,
       case when l.trade_id is null then null else coalesce(l.trade_code, tr.code) end as trade_code,
       l.hours, l.hour_type_code, l.updated_at
  from timesheet_line l
  left join project p on p.id = l.project_id
  left join activity a on a.id = l.activity_id
  left join service_code s on s.id = l.service_code_id
  left join trade tr on tr.id = l.trade_id
 where l.timesheet_id = :timesheetId
 order by l.position
