-- A timesheet line may name a platform project (seed 002 step 7: the platform's projects linked to the synced ERP
-- projects through a connection's "projects" code map) rather than a synced ERP project. Such a line has no
-- project_id: its project_number holds the platform's code, and each connection's export translates it through its
-- own map (or refuses it before sending when the connection links none).
alter table timesheet_line alter column project_id drop not null;
