-- rows for the search text backfill (db.migration V11_1), keyset-paged by id
select e.id, e.code, e.description
  from hour_type e
 where e.id > :after
 order by e.id
 limit :limit
