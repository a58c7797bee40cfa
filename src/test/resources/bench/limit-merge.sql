merge into bench_limit_employee (number, first_name, last_name, email, trade_code, competency, active, modified_at) key (number)
values (?, ?, ?, ?, ?, ?, ?, ?)
