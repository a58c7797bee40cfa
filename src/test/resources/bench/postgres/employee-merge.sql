insert into {table} (number, first_name, last_name, email, trade_code, competency, active, modified_at)
values (:number, :firstName, :lastName, :email, :tradeCode, :competency, :active, :modifiedAt)
on conflict (number) do update set first_name = excluded.first_name, last_name = excluded.last_name,
    email = excluded.email, trade_code = excluded.trade_code, competency = excluded.competency,
    active = excluded.active, modified_at = excluded.modified_at
