-- rows for the search text backfill (db.migration V11_1), keyset-paged by id; parent_key: the project's number
select e.id, p.number as parent_key, e.code, e.description
  from activity e
  join project p on p.id = e.project_id
 where e.id > :after
 order by e.id
 limit :limit
