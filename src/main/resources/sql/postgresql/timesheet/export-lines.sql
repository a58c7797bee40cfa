-- as sql/timesheet/export-lines.sql, walked the way H2 walks that one: timesheet_line in primary-key order from
-- :after, each line's sheet, ledger row and codes one index probe each (laterals with "limit 1", which PostgreSQL
-- cannot turn into joins), until :limit lines qualify. As joins, PostgreSQL estimates the ledger filter at one row
-- when the table has no statistics yet, finds the limit useless, and joins every line of the company on every page.
select l.id as line_id, l.timesheet_id, t.status as timesheet_status,
       t.employee_number, p.number as project_number, coalesce(l.project_number, p.number) as project_code,
       coalesce(a.code, s.code) as activity_code,
       case when l.activity_id is not null then 'ACTIVITY' when l.service_code_id is not null then 'SERVICE_CODE'
       end as activity_kind,
       tr.code as trade_code,
       l.work_date, l.start_time, l.end_time, l.hours, l.hour_type_code, x.state as export_state
  from timesheet_line l
  cross join lateral (select ts.company_id, ts.status, e.number as employee_number
                        from timesheet ts
                        left join employee e on e.id = ts.employee_id
                       where ts.id = l.timesheet_id
                       limit 1) t
  left join lateral (select i.id, i.state
                       from export_item i
                      where i.connection_id = :connectionId and i.kind = 'TIMESHEET_LINE' and i.source_id = l.id
                      limit 1) x on true
  left join lateral (select number from project where id = l.project_id limit 1) p on true
  left join lateral (select code from activity where id = l.activity_id limit 1) a on true
  left join lateral (select code from service_code where id = l.service_code_id limit 1) s on true
  left join lateral (select code from trade where id = l.trade_id limit 1) tr on true
 where l.id > :after
   and t.company_id = :companyId
   and t.status in ('VALIDATED', 'FROZEN')
   and (x.id is null or x.state in ('PENDING', 'REJECTED'))
 order by l.id
 limit :limit
