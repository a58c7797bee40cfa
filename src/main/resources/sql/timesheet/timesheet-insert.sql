insert into timesheet (id, company_id, employee_id, employee_number, status, created_at, updated_at)
values (:id, :companyId, :employeeId, :employeeNumber, :status, :now, :now)
