-- fresh tables for the passerelle contender: what a previous sync of the benchmark connection left
delete from remote_ref where connection_id = 'bench-avantage';
delete from sync_cursor where connection_id = 'bench-avantage';
-- the export scenario's sheets of an earlier round hold employees
delete from timesheet;
delete from employee;
