-- rows for the search text backfill (db.migration V11_1), keyset-paged by id
select e.id, e.code, e.name, e.legal_name, e.status, e.email, e.currency
  from vendor e
 where e.id > :after
 order by e.id
 limit :limit
