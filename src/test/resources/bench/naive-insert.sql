insert into bench_naive_employee (number, first_name, last_name, email, trade_code, competency, active, modified_at)
values (:#number, :#firstName, :#lastName, :#email, :#tradeCode, :#competency, :#active, :#modifiedAt)
