-- rows for the search text backfill (db.migration V11_1), keyset-paged by id
select e.id, e.number, e.first_name, e.last_name, e.email, e.trade_code, e.competency
  from employee e
 where e.id > :after
 order by e.id
 limit :limit
