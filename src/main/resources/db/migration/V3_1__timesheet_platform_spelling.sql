-- The platform's own spelling of the codes a timesheet names, shown back as it wrote them. The resolved ids
-- beside them are what the export uses (it sends the ERP's spelling, from the canonical rows). Nullable: rows
-- written without them show the canonical spelling instead.
alter table timesheet add column employee_number varchar(255);
alter table timesheet_line add column project_number varchar(255);
alter table timesheet_line add column activity_code varchar(255);
alter table timesheet_line add column trade_code varchar(255);
