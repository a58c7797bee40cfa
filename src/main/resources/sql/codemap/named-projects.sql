-- the projects a company's timesheet lines name without a synced project (platform projects), and those this
-- connection's commitments and invoices name (synced ERP projects among them are set aside by the caller)
select distinct l.project_number as code
  from timesheet_line l
  join timesheet t on t.id = l.timesheet_id
 where t.company_id = :companyId
   and l.project_id is null
union
select project_id as code
  from commitment
 where connection_id = :connectionId
union
select project_id as code
  from invoice
 where connection_id = :connectionId
